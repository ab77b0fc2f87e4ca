"use server";

import { revalidatePath } from "next/cache";
import { errorState, formDataToObject, refuseUnsafeInput, toFieldErrors, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
import { requirePermission } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { deleteMetricImport, IMPORT_LIMITS, importMetrics, updateSeriesSettings } from "@/lib/drills/import-mutations";
import { saveDecisionAnswers } from "@/lib/drills/matrix-mutations";
import { fillMeasurementFromSeries } from "@/lib/drills/mutations";
import { MATRIX_DECISION_LABELS, MEASUREMENTS } from "@/lib/drills/rules";
import { formatSeconds } from "@/lib/format/numbers";
import {
  decisionAnswersSchema,
  fillMeasurementSchema,
  followUpDoneSchema,
  followUpInputSchema,
  idSchema,
  metricImportInputSchema,
  seriesSettingsSchema,
  timelineEventInputSchema,
} from "@/lib/drills/schema";
import { addFollowUp, addTimelineEvent, deleteFollowUp, deleteTimelineEvent, setFollowUpDone } from "@/lib/drills/timeline-mutations";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** Wraps a validated action: on success refresh the drill page and attach a message. */
function onDrill<T extends { drillId?: string; id?: string }>(
  inner: (prev: ActionState, formData: FormData) => Promise<ActionState<T>>,
  message: (data: T) => string,
): Action {
  return async (prev, formData) => {
    const state = await inner(prev, formData);
    if (state.status !== "ok") return state;
    const drillId = state.data.drillId ?? String(formData.get("drillId") ?? "");
    if (drillId) revalidatePath(`/drills/${drillId}`);
    return { ...state, message: message(state.data) };
  };
}

const addEvent = validatedAction("drill:write", timelineEventInputSchema, (input, user) => addTimelineEvent(user, input));
export const addTimelineEventAction: Action = async (prev, formData) => onDrill(addEvent, () => "Event added.")(prev, formData);

const removeEvent = validatedAction("drill:write", idSchema, (input, user) => deleteTimelineEvent(user, input.id));
export const deleteTimelineEventAction: Action = async (prev, formData) => onDrill(removeEvent, () => "Event removed.")(prev, formData);

const addAction = validatedAction("drill:write", followUpInputSchema, (input, user) => addFollowUp(user, input));
export const addFollowUpAction: Action = async (prev, formData) => onDrill(addAction, () => "Follow-up added.")(prev, formData);

const doneAction = validatedAction("drill:write", followUpDoneSchema, (input, user) => setFollowUpDone(user, input.id, input.done));
export const setFollowUpDoneAction: Action = async (prev, formData) => onDrill(doneAction, () => "Saved.")(prev, formData);

const removeAction = validatedAction("drill:write", idSchema, (input, user) => deleteFollowUp(user, input.id));
export const deleteFollowUpAction: Action = async (prev, formData) => onDrill(removeAction, () => "Follow-up removed.")(prev, formData);

const settings = validatedAction("drill:write", seriesSettingsSchema, (input, user) => updateSeriesSettings(user, input));
export const updateSeriesSettingsAction: Action = async (prev, formData) => onDrill(settings, () => "Series settings saved.")(prev, formData);

const removeImport = validatedAction("drill:write", idSchema, (input, user) => deleteMetricImport(user, input.id));
export const deleteMetricImportAction: Action = async (prev, formData) => onDrill(removeImport, () => "Import removed.")(prev, formData);

const fill = validatedAction("drill:write", fillMeasurementSchema, async (input, user) => ({
  ...(await fillMeasurementFromSeries(user, input)),
  measurement: input.measurement,
}));
export const fillMeasurementAction: Action = async (prev, formData) =>
  onDrill(fill, (d) => {
    const { label, unit } = MEASUREMENTS[d.measurement];
    return `${label} set to ${unit === "s" ? formatSeconds(d.value) : `${Number(d.value.toFixed(1)).toLocaleString("en-US")} ${unit}`}.`;
  })(prev, formData);

const answers = validatedAction("drill:write", decisionAnswersSchema, (input, user) => saveDecisionAnswers(user, input));
export const saveDecisionAnswersAction: Action = async (prev, formData) =>
  onDrill(answers, (d) => (d.changed ? `Answers saved. Decision: ${MATRIX_DECISION_LABELS[d.decision]}.` : "Nothing changed."))(prev, formData);

/**
 * Metric import: the file travels in the form data (validatedAction drops files), so this
 * action checks its presence and size before reading it; the domain function validates the
 * content and stores it in one transaction, or nothing.
 */
export async function importMetricsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = refuseUnsafeInput(formData, { form: true });
  if (refused) return refused;
  const raw = formDataToObject(formData);
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v.slice(0, 6000)]));
  const file = formData.get("file");
  const fileName = file instanceof File && file.name ? file.name : "The file";
  // the file input cannot be refilled after a failed submit, so the message names the file
  const fail = (problem: string): ActionState => ({
    status: "error",
    message: "Nothing was imported.",
    fieldErrors: { file: [`${fileName} was not imported: ${problem}`] },
    values,
  });
  try {
    const user = await requirePermission("drill:write");
    if (!(file instanceof File) || file.size === 0) {
      return { status: "error", message: "Nothing was imported.", fieldErrors: { file: ["Choose a CSV or Prometheus JSON file to import"] }, values };
    }
    if (file.size > IMPORT_LIMITS.maxBytes) {
      return fail(`file too large (${(file.size / 1048576).toFixed(1)} MB; limit ${IMPORT_LIMITS.maxBytes / 1048576} MB)`);
    }
    const parsed = metricImportInputSchema.safeParse({ ...raw, sourceName: (typeof raw.sourceName === "string" && raw.sourceName.trim()) || file.name });
    if (!parsed.success) {
      return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: toFieldErrors(parsed.error), values };
    }
    const result = await importMetrics(user, parsed.data, await file.text());
    revalidatePath(`/drills/${parsed.data.drillId}`);
    const series = result.seriesCount === 1 ? "1 series" : `${result.seriesCount} series`;
    return { status: "ok", data: result, message: `Imported ${series} (${result.pointCount.toLocaleString("en-US")} points) from ${parsed.data.sourceName}.` };
  } catch (error) {
    if (error instanceof DomainError && error.fieldErrors.file?.length) return fail(error.fieldErrors.file[0]);
    return errorState(error, values);
  }
}
