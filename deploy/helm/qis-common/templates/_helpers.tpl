{{/*
The QIS stage charts (deploy/helm/<stage>) are this library plus values: `{{ include "qis-common.stage" . }}`
renders every object of one stage. Names are the stage's own (`planning`, `evidence`, …) so the
console's Ingress and the other stages reach it as http://<stage> (port 80).
*/}}

{{- define "qis-common.name" -}}
{{- required "stage is required (planning, purchasing, evidence, lab-gateway, enforcement or disclosure)" .Values.stage -}}
{{- end -}}

{{- define "qis-common.selectorLabels" -}}
app.kubernetes.io/name: {{ include "qis-common.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "qis-common.labels" -}}
{{ include "qis-common.selectorLabels" . }}
app.kubernetes.io/part-of: qis
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "qis-common.image" -}}
{{ printf "%s:%s" .Values.image.repository .Values.image.tag }}
{{- end -}}

{{/* The Kafka principal, from the generated kafka.generated.yaml (tools/k8s/generate.ts). */}}
{{- define "qis-common.kafka" -}}
{{- $generated := .Files.Get "kafka.generated.yaml" | fromYaml -}}
{{- if not $generated.consumerGroup -}}{{- fail "kafka.generated.yaml is missing: run npm run k8s" -}}{{- end -}}
{{- toYaml $generated -}}
{{- end -}}

{{/* One environment variable from a Secret: name, { secret, key }. */}}
{{- define "qis-common.secretEnv" -}}
{{- range $name, $ref := . }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "the Secret of %s" $name) $ref.secret }}
      key: {{ required (printf "the key of %s in its Secret" $name) $ref.key }}
{{- end }}
{{- end -}}

{{/*
The container's environment: SERVICE, the plain settings (env), the secrets by reference
(secretEnv), the Kafka principal (kafka.sasl), the trace collector (tracing.otlpEndpoint), and,
for the migration Job, the owner's password.
*/}}
{{- define "qis-common.env" -}}
{{- $root := .root -}}
{{- $kafka := include "qis-common.kafka" $root | fromYaml -}}
- name: SERVICE
  value: {{ include "qis-common.name" $root | quote }}
{{- range $name, $value := $root.Values.env }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- include "qis-common.secretEnv" $root.Values.secretEnv }}
{{- with $root.Values.kafka.sasl }}
{{- if .enabled }}
- name: KAFKA_SASL_MECHANISM
  value: {{ .mechanism | quote }}
- name: KAFKA_SASL_USERNAME
  value: {{ $kafka.user | quote }}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      # The Strimzi User Operator writes the KafkaUser's password into a Secret of the same name.
      name: {{ .passwordSecret | default $kafka.user }}
      key: password
{{- if .tls }}
- name: KAFKA_SSL
  value: "true"
- name: KAFKA_SSL_CA_FILE
  value: /etc/qis/kafka-ca/ca.crt
{{- end }}
{{- end }}
{{- end }}
{{- with $root.Values.tracing }}
{{- if .otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .otlpEndpoint | quote }}
- name: TRACES_SAMPLE_RATIO
  value: {{ .sampleRatio | default "1" | toString | quote }}
{{- end }}
{{- end }}
{{- if .migration }}
{{- include "qis-common.secretEnv" $root.Values.migrationSecretEnv }}
{{- end }}
{{- end -}}

{{- define "qis-common.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if and .Values.kafka.sasl.enabled .Values.kafka.sasl.tls }}
- name: kafka-ca
  mountPath: /etc/qis/kafka-ca
  readOnly: true
{{- end }}
{{- range .Values.secretMounts }}
- name: {{ .name }}
  mountPath: {{ .mountPath }}
  readOnly: true
{{- end }}
{{- end -}}

{{- define "qis-common.volumes" -}}
- name: tmp
  emptyDir: {}
{{- if and .Values.kafka.sasl.enabled .Values.kafka.sasl.tls }}
- name: kafka-ca
  secret:
    # Strimzi's cluster CA certificate (<cluster>-cluster-ca-cert), copied into this namespace.
    secretName: {{ .Values.kafka.sasl.caSecret }}
    items: [{ key: ca.crt, path: ca.crt }]
{{- end }}
{{- range .Values.secretMounts }}
- name: {{ .name }}
  secret:
    secretName: {{ .secret }}
{{- end }}
{{- end -}}

{{- define "qis-common.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  runAsNonRoot: true
  runAsUser: 1000
  runAsGroup: 1000
  fsGroup: 1000
  seccompProfile: { type: RuntimeDefault }
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
{{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "qis-common.containerSecurity" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: { drop: [ALL] }
{{- end -}}

{{/* The node command of a built service (deploy/docker/service.Dockerfile). */}}
{{- define "qis-common.command" -}}
- node
- -r
- ./tools/runtime/register-paths.js
- {{ printf "dist/services/%s/src/main.js" (include "qis-common.name" .) }}
{{- end -}}
