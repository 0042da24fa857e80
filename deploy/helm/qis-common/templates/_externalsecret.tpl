{{/*
Secrets by reference: the Deployment reads each secret from an existing Secret (secretEnv, by
name and key). With externalSecret.enabled the chart asks the External Secrets Operator to make
the stage's Secret from the bureau's secret store; it is a hook so it exists before the
migration Job (pre-install/pre-upgrade) that needs the same secrets.
*/}}
{{- define "qis-common.externalSecret" -}}
{{- $es := .Values.externalSecret -}}
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: {{ $es.target }}
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "-10"
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  refreshInterval: {{ $es.refreshInterval }}
  secretStoreRef:
    {{- toYaml $es.storeRef | nindent 4 }}
  target:
    name: {{ $es.target }}
    # Orphan: recreating the hook on an upgrade must not delete the Secret running pods read.
    creationPolicy: Orphan
    deletionPolicy: Retain
  data:
    {{- range $es.data }}
    - secretKey: {{ .secretKey }}
      remoteRef:
        key: {{ .remoteKey }}
        {{- with .property }}
        property: {{ . }}
        {{- end }}
    {{- end }}
{{- end -}}

{{/* Every object of one stage. */}}
{{- define "qis-common.stage" -}}
{{ include "qis-common.deployment" . }}
---
{{ include "qis-common.service" . }}
---
{{ include "qis-common.pdb" . }}
---
{{- if .Values.keda.enabled }}
{{ include "qis-common.scaledObject" . }}
{{- else if .Values.autoscaling.enabled }}
{{ include "qis-common.hpa" . }}
{{- end }}
{{- if .Values.migration.enabled }}
---
{{ include "qis-common.migrationJob" . }}
{{- end }}
{{- if .Values.serviceMonitor.enabled }}
---
{{ include "qis-common.serviceMonitor" . }}
{{- end }}
{{- if .Values.networkPolicy.enabled }}
---
{{ include "qis-common.networkPolicy" . }}
{{- end }}
{{- if .Values.externalSecret.enabled }}
---
{{ include "qis-common.externalSecret" . }}
{{- end }}
{{- with .Values.publicIngress }}
{{- if .enabled }}
---
{{ include "qis-common.publicIngress" $ }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Disclosure: the public results page on its own host (deploy/docker/public.conf.template's routes). */}}
{{- define "qis-common.publicIngress" -}}
{{- $ing := .Values.publicIngress -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "qis-common.name" . }}-public
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "true"
    nginx.ingress.kubernetes.io/enable-cors: "false"
spec:
  ingressClassName: {{ $ing.className }}
  tls:
    - hosts: [{{ $ing.host | quote }}]
      secretName: {{ $ing.tlsSecret }}
  rules:
    - host: {{ $ing.host | quote }}
      http:
        paths:
          - path: /(|results/[^/]+|notices|revisions|statistics|open-data(/.*)?|assets/[^/]+|public/.*)$
            pathType: ImplementationSpecific
            backend:
              service:
                name: {{ include "qis-common.name" . }}
                port: { number: 80 }
{{- end -}}
