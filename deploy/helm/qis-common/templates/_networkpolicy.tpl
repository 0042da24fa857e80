{{/* A peer of a NetworkPolicy rule: { namespace?, podLabels } (namespace empty = this one). */}}
{{- define "qis-common.peer" -}}
- podSelector:
    matchLabels:
      {{- toYaml .podLabels | nindent 6 }}
  {{- if .namespace }}
  namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: {{ .namespace }}
  {{- end }}
{{- end -}}

{{/*
The stage talks to nothing but what it needs: in, its HTTP port from the console's Ingress
controller, the metrics scraper and (evidence) the stages that store evidence; out, DNS, the
Kafka brokers, its own database, the identity provider's key set, the evidence service where it
checks or stores evidence, (evidence) the object store, the trace collector when traces are
exported (tracing.collector), and what `networkPolicy.extraEgress` names
(e.g. the time-stamping authority).
*/}}
{{- define "qis-common.networkPolicy" -}}
{{- $np := .Values.networkPolicy -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "qis-common.name" . }}
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "qis-common.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        {{- toYaml $np.ingressFrom | nindent 8 }}
      ports:
        - { protocol: TCP, port: {{ .Values.containerPort }} }
  egress:
    - to:
        {{- include "qis-common.peer" $np.dns | nindent 8 }}
      ports:
        - { protocol: UDP, port: 53 }
        - { protocol: TCP, port: 53 }
    - to:
        {{- include "qis-common.peer" $np.kafka | nindent 8 }}
      ports:
        {{- range $np.kafka.ports }}
        - { protocol: TCP, port: {{ . }} }
        {{- end }}
    - to:
        {{- include "qis-common.peer" $np.database | nindent 8 }}
      ports:
        - { protocol: TCP, port: {{ $np.database.port }} }
    - to:
        {{- include "qis-common.peer" $np.identityProvider | nindent 8 }}
      ports:
        - { protocol: TCP, port: {{ $np.identityProvider.port }} }
    {{- if $np.evidence.enabled }}
    - to:
        {{- include "qis-common.peer" $np.evidence | nindent 8 }}
      ports:
        - { protocol: TCP, port: {{ $np.evidence.port }} }
    {{- end }}
    {{- if $np.objectStore.enabled }}
    - to:
        {{- include "qis-common.peer" $np.objectStore | nindent 8 }}
      ports:
        - { protocol: TCP, port: {{ $np.objectStore.port }} }
    {{- end }}
    {{- with .Values.tracing }}
    {{- if .otlpEndpoint }}
    - to:
        {{- include "qis-common.peer" .collector | nindent 8 }}
      ports:
        - { protocol: TCP, port: {{ .collector.port }} }
    {{- end }}
    {{- end }}
    {{- with $np.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}
