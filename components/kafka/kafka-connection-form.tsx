"use client";

/**
 * The cluster's Kafka connection: bootstrap servers, security protocol, SASL mechanism and
 * credentials, CA certificate. The stored password is never sent to the browser; leaving the
 * field empty keeps it. "Test connection" answers the cluster id, controller and broker count,
 * or the precise reason it failed.
 */
import { useActionState, useState } from "react";
import { saveKafkaConnectionAction, testKafkaConnectionAction } from "@/lib/actions/kafka";
import { idleState, type ActionState } from "@/lib/action-state";
import type { ConnectionTestOutcome } from "@/lib/kafka/mutations";
import { SASL_MECHANISMS, SASL_MECHANISM_LABELS, SECURITY_PROTOCOLS, SECURITY_PROTOCOL_LABELS } from "@/lib/kafka/schema";
import type { KafkaConnectionView } from "@/lib/kafka/queries";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { TextInput } from "@/components/ui/input";
import { SelectInput } from "@/components/ui/select";
import { TextArea } from "@/components/ui/textarea";

export function KafkaConnectionForm({ clusterId, connection, canWrite }: { clusterId: string; connection: KafkaConnectionView | null; canWrite: boolean }) {
  const [editing, setEditing] = useState(!connection);
  const [state, saveAction, saving] = useActionState<ActionState, FormData>(async (prev, formData) => {
    const result = await saveKafkaConnectionAction(prev, formData);
    if (result.status === "ok") setEditing(false);
    return result;
  }, idleState);
  const [testState, testAction, testing] = useActionState<ActionState, FormData>(testKafkaConnectionAction, idleState);
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.status === "error" ? state.fieldErrors : {};
  const [protocol, setProtocol] = useState(values.securityProtocol ?? connection?.securityProtocol ?? "plaintext");
  const sasl = protocol === "sasl_plaintext" || protocol === "sasl_ssl";
  const tls = protocol === "ssl" || protocol === "sasl_ssl";
  const test = testState.status === "ok" ? (testState.data as ConnectionTestOutcome) : null;

  return (
    <div className="space-y-4">
      {connection && !editing ? (
        <div className="space-y-2 text-sm">
          <p>
            <span className="font-medium text-slate-700">Bootstrap:</span> <code className="break-all">{connection.bootstrapServers.join(", ")}</code>
          </p>
          <p>
            <span className="font-medium text-slate-700">Security:</span>{" "}
            {SECURITY_PROTOCOL_LABELS[connection.securityProtocol as keyof typeof SECURITY_PROTOCOL_LABELS] ?? connection.securityProtocol}
            {connection.saslMechanism
              ? ` · ${SASL_MECHANISM_LABELS[connection.saslMechanism as keyof typeof SASL_MECHANISM_LABELS]} as ${connection.username}`
              : ""}
            {connection.hasPassword ? " · password stored (encrypted)" : ""}
            {connection.caCertPem ? " · custom CA" : ""}
          </p>
          {connection.lastTestedAt ? (
            <p className={connection.lastTestOk ? "text-green-700" : "text-red-700"}>
              Last test <DateTime value={connection.lastTestedAt} format="minutes" />: {connection.lastTestMessage}
            </p>
          ) : null}
        </div>
      ) : null}

      {state.status === "ok" && !editing && !test ? <Alert tone="green">Connection saved. Test it to see the cluster answer.</Alert> : null}
      {canWrite && connection && !editing ? (
        <div className="flex flex-wrap gap-2">
          <form action={testAction}>
            <input type="hidden" name="clusterId" value={clusterId} />
            <Button type="submit" variant="secondary" disabled={testing}>
              {testing ? "Testing… (up to 12 s)" : "Test connection"}
            </Button>
          </form>
          <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
            Edit connection
          </Button>
        </div>
      ) : null}
      {test ? (
        test.ok ? (
          <Alert tone="green" title="Connected">
            Cluster id <code>{test.clusterId}</code>, {test.brokerCount} broker{test.brokerCount === 1 ? "" : "s"}, controller id {test.controller ?? "unknown"}
            .
          </Alert>
        ) : (
          <Alert tone="red" title="Connection failed">
            {test.message}
          </Alert>
        )
      ) : testState.status === "error" ? (
        <Alert>{testState.message}</Alert>
      ) : null}

      {canWrite && editing ? (
        <form action={saveAction} noValidate className="space-y-4" aria-label="Kafka connection">
          <input type="hidden" name="clusterId" value={clusterId} />
          {state.status === "error" ? <Alert>{state.message}</Alert> : null}
          <TextArea
            name="bootstrapServers"
            label="Bootstrap servers"
            hint="host:port, separated by commas or new lines"
            rows={2}
            defaultValue={values.bootstrapServers ?? connection?.bootstrapServers.join(", ") ?? ""}
            error={errors.bootstrapServers}
            placeholder="broker-1.example.com:9092, broker-2.example.com:9092"
          />
          <SelectInput
            name="securityProtocol"
            label="Security protocol"
            options={SECURITY_PROTOCOLS.map((p) => ({ value: p, label: SECURITY_PROTOCOL_LABELS[p] }))}
            value={protocol}
            onChange={(e) => setProtocol(e.target.value)}
            error={errors.securityProtocol}
          />
          {sasl ? (
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectInput
                name="saslMechanism"
                label="SASL mechanism"
                options={SASL_MECHANISMS.map((m) => ({ value: m, label: SASL_MECHANISM_LABELS[m] }))}
                defaultValue={values.saslMechanism ?? connection?.saslMechanism ?? "scram-sha-512"}
                error={errors.saslMechanism}
              />
              <TextInput
                name="username"
                label="Username"
                autoComplete="off"
                defaultValue={values.username ?? connection?.username ?? ""}
                error={errors.username}
              />
              <TextInput
                name="password"
                label="Password"
                type="password"
                autoComplete="new-password"
                hint={connection?.hasPassword ? "Leave empty to keep the stored password" : "Stored encrypted; never shown again"}
                error={errors.password}
              />
            </div>
          ) : null}
          {tls ? (
            <TextArea
              name="caCertPem"
              label="CA certificate (PEM, optional)"
              hint="The CA that signed the brokers' certificates; empty trusts the system's CAs"
              rows={3}
              defaultValue={values.caCertPem ?? connection?.caCertPem ?? ""}
              error={errors.caCertPem}
            />
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={saving}>
              {saving ? "Saving…" : "Save connection"}
            </Button>
            {connection ? (
              <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
