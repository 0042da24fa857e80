{{- define "qis-common.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "qis-common.name" . }}
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
    app.kubernetes.io/component: stage
spec:
  {{- if not (or .Values.autoscaling.enabled .Values.keda.enabled) }}
  replicas: {{ .Values.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }
  selector:
    matchLabels:
      {{- include "qis-common.selectorLabels" . | nindent 6 }}
      app.kubernetes.io/component: stage
  template:
    metadata:
      labels:
        {{- include "qis-common.labels" . | nindent 8 }}
        app.kubernetes.io/component: stage
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      {{- include "qis-common.podSecurity" . | nindent 6 }}
      # The service leaves its consumer group on SIGTERM within 20 s (libs/runtime bootstrap).
      terminationGracePeriodSeconds: 30
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "qis-common.selectorLabels" . | nindent 14 }}
              app.kubernetes.io/component: stage
      containers:
        - name: {{ include "qis-common.name" . }}
          image: {{ include "qis-common.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          command:
            {{- include "qis-common.command" . | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ .Values.containerPort }}
              protocol: TCP
          env:
            {{- include "qis-common.env" (dict "root" . "migration" false) | nindent 12 }}
          # libs/runtime health: /health/live answers while the process does; /health/ready once the
          # topics and the consumer are up and the database, Kafka (and object store) answer.
          startupProbe:
            httpGet: { path: /health/live, port: http }
            periodSeconds: 5
            failureThreshold: 60
          livenessProbe:
            httpGet: { path: /health/live, port: http }
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet: { path: /health/ready, port: http }
            periodSeconds: 10
            timeoutSeconds: 5
            failureThreshold: 3
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- include "qis-common.containerSecurity" . | nindent 10 }}
          volumeMounts:
            {{- include "qis-common.volumeMounts" . | nindent 12 }}
      volumes:
        {{- include "qis-common.volumes" . | nindent 8 }}
{{- end -}}

{{- define "qis-common.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "qis-common.name" . }}
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "qis-common.selectorLabels" . | nindent 4 }}
    app.kubernetes.io/component: stage
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "qis-common.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "qis-common.name" . }}
  labels:
    {{- include "qis-common.labels" . | nindent 4 }}
spec:
  minAvailable: {{ .Values.podDisruptionBudget.minAvailable }}
  selector:
    matchLabels:
      {{- include "qis-common.selectorLabels" . | nindent 6 }}
      app.kubernetes.io/component: stage
{{- end -}}
