{{/* CPU autoscaling: an HPA of its own, or (keda.enabled) KEDA's, which adds consumer lag. */}}
{{- define "qis-common.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "qis-common.name" . }}
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "qis-common.name" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.cpuUtilization }}
{{- end -}}

{{/*
KEDA: one kafka trigger per consumed topic (the stage's consumer group, from libs/contracts) plus
the CPU trigger; KEDA owns the HorizontalPodAutoscaler it makes (keda-hpa-<stage>). More replicas
than partitions (KAFKA_TOPIC_PARTITIONS) never consume more: maxReplicas is capped by them.
*/}}
{{- define "qis-common.scaledObject" -}}
{{- $kafka := include "qis-common.kafka" . | fromYaml -}}
{{- $root := . -}}
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ include "qis-common.name" . }}
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "qis-common.name" . }}
  minReplicaCount: {{ .Values.autoscaling.minReplicas }}
  maxReplicaCount: {{ .Values.autoscaling.maxReplicas }}
  pollingInterval: 30
  cooldownPeriod: 300
  triggers:
    - type: cpu
      metricType: Utilization
      metadata:
        value: {{ .Values.autoscaling.cpuUtilization | quote }}
    {{- range $kafka.consumes }}
    - type: kafka
      metadata:
        bootstrapServers: {{ $root.Values.env.KAFKA_BROKERS | quote }}
        consumerGroup: {{ $kafka.consumerGroup | quote }}
        topic: {{ . | quote }}
        lagThreshold: {{ $root.Values.keda.lagThreshold | quote }}
        offsetResetPolicy: earliest
        {{- if $root.Values.kafka.sasl.enabled }}
        sasl: {{ $root.Values.keda.sasl | quote }}
        tls: {{ ternary "enable" "disable" (default false $root.Values.kafka.sasl.tls) | quote }}
        {{- end }}
      {{- if $root.Values.kafka.sasl.enabled }}
      authenticationRef:
        name: {{ include "qis-common.name" $root }}-kafka
      {{- end }}
    {{- end }}
{{- if .Values.kafka.sasl.enabled }}
---
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata:
  name: {{ include "qis-common.name" . }}-kafka
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
spec:
  # The stage's own principal reads its group's offsets (Describe on the group and the topics).
  env:
    - parameter: username
      name: KAFKA_SASL_USERNAME
  secretTargetRef:
    - parameter: password
      name: {{ .Values.kafka.sasl.passwordSecret | default $kafka.user }}
      key: password
    {{- if .Values.kafka.sasl.tls }}
    - parameter: ca
      name: {{ .Values.kafka.sasl.caSecret }}
      key: ca.crt
    {{- end }}
{{- end }}
{{- end -}}

{{/* Prometheus Operator: scrape GET /metrics with the stage's METRICS_TOKEN (the same Secret key). */}}
{{- define "qis-common.serviceMonitor" -}}
{{- $token := required "secretEnv.METRICS_TOKEN is required for the ServiceMonitor" .Values.secretEnv.METRICS_TOKEN -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "qis-common.name" . }}
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
    {{- with .Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "qis-common.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /metrics
      interval: {{ .Values.serviceMonitor.interval }}
      authorization:
        type: Bearer
        credentials:
          name: {{ $token.secret }}
          key: {{ $token.key }}
{{- end -}}
