"use server";

import { revalidatePath } from "next/cache";
import { formDataToObject, validatedAction } from "@/lib/action";
import type { ActionState } from "@/lib/action-state";
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

/** The uploaded file of the metric import form, checked for presence and size before it is read. */
function importFile(formData: FormData): File {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) throw new DomainError("Nothing was imported.", { file: ["Choose a CSV or Prometheus JSON file to import"] });
  const problem =
    file.size > IMPORT_LIMITS.maxBytes ? `file too large (${(file.size / 1048576).toFixed(1)} MB; limit ${IMPORT_LIMITS.maxBytes / 1048576} MB)` : null;
  // the file input cannot be refilled after a failed submit, so the message names the file
  if (problem) throw new DomainError("Nothing was imported.", { file: [`${file.name || "The file"} was not imported: ${problem}`] });
  return file;
}

const importOne = validatedAction(
  "drill:write",
  metricImportInputSchema,
  async (input, user, formData) => {
    const file = importFile(formData);
    const sourceName = input.sourceName;
    try {
      const result = await importMetrics(user, { ...input, sourceName }, await file.text());
      return { ...result, sourceName };
    } catch (error) {
      const problem = error instanceof DomainError ? error.fieldErrors.file?.[0] : undefined;
      if (problem) throw new DomainError("Nothing was imported.", { file: [`${file.name || "The file"} was not imported: ${problem}`] });
      throw error;
    }
  },
  {
    // the source name defaults to the file's name; without a file, importFile says so first
    read: (formData) => {
      const typed = String(formData.get("sourceName") ?? "").trim();
      const file = formData.get("file");
      return { ...formDataToObject(formData), sourceName: typed || (file instanceof File && file.name) || "upload" };
    },
  },
);

/**
 * Metric import: the file travels in the form data beside the fields; the domain function
 * validates the content and stores it in one transaction, or nothing.
 */
export async function importMetricsAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await importOne(prev, formData);
  if (state.status !== "ok") return state;
  revalidatePath(`/drills/${String(formData.get("drillId"))}`);
  const { seriesCount, pointCount, sourceName } = state.data;
  const series = seriesCount === 1 ? "1 series" : `${seriesCount} series`;
  return { ...state, message: `Imported ${series} (${pointCount.toLocaleString("en-US")} points) from ${sourceName}.` };
}
