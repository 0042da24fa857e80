{{/*
The migration Job: before the rollout (Helm hooks pre-install and pre-upgrade), the new image
migrates the database as the owner role (`main.js --migrate-only`, DB_MIGRATION_USER) and exits.
Expand/contract: a release's migrations only add (tables, nullable columns, indexes), so the pods
still running the previous version keep working while the new ones roll out; what the previous
version needed is dropped by a later release. The service itself runs with DB_MIGRATE_AT_START=false
and without the owner's password, and refuses to start while a migration is pending.
*/}}
{{- define "qis-common.migrationJob" -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "qis-common.name" . }}-migrate
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
    app.kubernetes.io/component: migration
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ .Values.migration.backoffLimit }}
  activeDeadlineSeconds: {{ .Values.migration.activeDeadlineSeconds }}
  ttlSecondsAfterFinished: 86400
  template:
    metadata:
      labels:
        {{- include "qis-common.labels" . | nindent 8 }}
        app.kubernetes.io/component: migration
    spec:
      {{- include "qis-common.podSecurity" . | nindent 6 }}
      restartPolicy: Never
      containers:
        - name: migrate
          image: {{ include "qis-common.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command:
            {{- include "qis-common.command" . | nindent 12 }}
            - --migrate-only
          env:
            {{- include "qis-common.env" (dict "root" . "migration" true) | nindent 12 }}
          resources:
            {{- toYaml .Values.migration.resources | nindent 12 }}
          {{- include "qis-common.containerSecurity" . | nindent 10 }}
          volumeMounts:
            {{- include "qis-common.volumeMounts" . | nindent 12 }}
      volumes:
        {{- include "qis-common.volumes" . | nindent 8 }}
{{- end -}}
