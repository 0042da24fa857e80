{{- define "console.selectorLabels" -}}
app.kubernetes.io/name: qis-console
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- define "console.labels" -}}
{{ include "console.selectorLabels" . }}
app.kubernetes.io/part-of: qis
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
