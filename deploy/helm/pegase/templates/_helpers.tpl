{{/* The modules this version of Pégase contains (apps/server/src/modules.ts; a test compares them). */}}
{{- define "pegase.knownModules" -}}
referential curriculum enrolment payment documents registration assessment
{{- end }}

{{- define "pegase.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}{{ .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{ end }}
{{- end }}

{{- define "pegase.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: pegase
{{- end }}

{{/* Labels that select the pods of one entry: (dict "root" $ "entry" $entry). */}}
{{- define "pegase.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .entry.name }}
{{- end }}

{{/* The name of an entry's Deployment, Service, autoscaler and budget. */}}
{{- define "pegase.entryName" -}}
{{ printf "%s-%s" (include "pegase.fullname" .root) .entry.name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "pegase.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "pegase.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}{{ .Values.serviceAccount.name | default (include "pegase.fullname" .) }}
{{- else }}{{ .Values.serviceAccount.name | default "default" }}{{ end }}
{{- end }}

{{/*
The enabled entries, each merged over moduleDefaults, with `modules` (what it
serves: empty for all) — as YAML, since templates return text:
  {{- $entries := (include "pegase.entries" . | fromYamlArray) }}
Checks what the schema cannot: unique names, a module served once.
*/}}
{{- define "pegase.entries" -}}
{{- $known := splitList " " (include "pegase.knownModules" .) }}
{{- $entries := list }}
{{- $names := dict }}
{{- $servedBy := dict }}
{{- range .Values.modules }}
{{- /* Not mergeOverwrite: it would keep a default `true` over an entry's `false`. */}}
{{- $entry := deepCopy $.Values.moduleDefaults }}
{{- range $key, $value := . }}
{{- if and (kindIs "map" $value) (has $key (list "autoscaling" "podDisruptionBudget")) }}
{{- $merged := deepCopy (get $entry $key) }}
{{- range $k, $v := $value }}{{ $_ := set $merged $k $v }}{{ end }}
{{- $_ := set $entry $key $merged }}
{{- else }}
{{- $_ := set $entry $key $value }}
{{- end }}
{{- end }}
{{- if $entry.enabled }}
{{- if hasKey $names $entry.name }}{{ fail (printf "modules: %s is listed twice" $entry.name) }}{{ end }}
{{- $_ := set $names $entry.name true }}
{{- $serves := list }}
{{- if $entry.serves }}{{ $serves = $entry.serves }}
{{- else if ne $entry.name "all" }}
{{- if not (has $entry.name $known) }}{{ fail (printf "modules: %s is not a module (%s); give it `serves`" $entry.name (join ", " $known)) }}{{ end }}
{{- $serves = list $entry.name }}
{{- end }}
{{- range $serves }}
{{- if hasKey $servedBy . }}{{ fail (printf "modules: %s is served by both %s and %s" . (get $servedBy .) $entry.name) }}{{ end }}
{{- $_ := set $servedBy . $entry.name }}
{{- end }}
{{- if and $entry.autoscaling.enabled (gt (int $entry.autoscaling.minReplicas) (int $entry.autoscaling.maxReplicas)) }}{{ fail (printf "modules: %s has autoscaling.minReplicas above maxReplicas" $entry.name) }}{{ end }}
{{- $_ := set $entry "modules" $serves }}
{{- $entries = append $entries $entry }}
{{- end }}
{{- end }}
{{- if eq (len $entries) 0 }}{{ fail "modules: enable at least one entry" }}{{ end }}
{{- toYaml $entries }}
{{- end }}

{{/* The name of the entry that serves `/`. */}}
{{- define "pegase.webEntry" -}}
{{- $entries := include "pegase.entries" . | fromYamlArray }}
{{- $names := list }}
{{- range $entries }}{{ $names = append $names .name }}{{ end }}
{{- if .Values.web.servedBy }}
{{- if not (has .Values.web.servedBy $names) }}{{ fail (printf "web.servedBy: %s is not an enabled entry of modules (%s)" .Values.web.servedBy (join ", " $names)) }}{{ end }}
{{- .Values.web.servedBy }}
{{- else if has "all" $names }}all
{{- else }}{{ first $names }}{{ end }}
{{- end }}

{{- define "pegase.cnpgName" -}}
{{ include "pegase.fullname" . }}-db
{{- end }}

{{- define "pegase.kafkaName" -}}
{{ include "pegase.fullname" . }}-kafka
{{- end }}

{{/* PEGASE_EVENTS. */}}
{{- define "pegase.eventsTransport" -}}
{{- if .Values.events.transport }}{{ .Values.events.transport }}
{{- else if .Values.strimzi.enabled }}kafka://{{ include "pegase.kafkaName" . }}-kafka-bootstrap:9092
{{- else }}inline{{ end }}
{{- end }}

{{/* Whether the migration Job runs before the first install (the database exists already). */}}
{{- define "pegase.migrateBeforeInstall" -}}
{{- if and .Values.migrations.job.enabled (not .Values.cloudnativepg.enabled) }}true{{ end }}
{{- end }}

{{- define "pegase.migrateOnStart" -}}
{{- if kindIs "bool" .Values.migrations.onStart }}{{ .Values.migrations.onStart }}
{{- else if include "pegase.migrateBeforeInstall" . }}false
{{- else }}true{{ end }}
{{- end }}

{{- define "pegase.publicUrl" -}}
{{- if .Values.publicUrl }}{{ .Values.publicUrl }}
{{- else if .Values.ingress.enabled }}{{ if .Values.ingress.tls.enabled }}https{{ else }}http{{ end }}://{{ .Values.ingress.host }}{{ end }}
{{- end }}

{{/* The chart's Secret holds something (database.url or extraSecretEnv). */}}
{{- define "pegase.hasSecret" -}}
{{- if or (and .Values.database.url (not .Values.cloudnativepg.enabled)) .Values.extraSecretEnv }}true{{ end }}
{{- end }}

{{/* DATABASE_URL, from CloudNativePG's app Secret, the chart's Secret or yours. `secret` names the chart's Secret. */}}
{{- define "pegase.databaseEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
{{- if .root.Values.cloudnativepg.enabled }}
      name: {{ include "pegase.cnpgName" .root }}-app
      key: uri
{{- else if .root.Values.database.url }}
      name: {{ .secret }}
      key: DATABASE_URL
{{- else }}
      name: {{ .root.Values.database.existingSecret.name }}
      key: {{ .root.Values.database.existingSecret.key }}
{{- end }}
{{- end }}

{{/*
The environment of a Pégase container: (dict "root" $ "configMap" name
"secret" name "extraEnv" list). Non-secret settings come from the ConfigMap.
*/}}
{{- define "pegase.env" -}}
envFrom:
  - configMapRef:
      name: {{ .configMap }}
{{- if include "pegase.hasSecret" .root }}
  - secretRef:
      name: {{ .secret }}
{{- end }}
env:
{{- include "pegase.databaseEnv" . | nindent 2 }}
{{- with .root.Values.extraEnv }}
{{- toYaml . | nindent 2 }}
{{- end }}
{{- with .extraEnv }}
{{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The ConfigMap's data: every non-secret PEGASE_* setting. */}}
{{- define "pegase.configData" -}}
HOST: "0.0.0.0"
PORT: "8080"
PEGASE_DATA_DIR: /var/lib/pegase
LOG_LEVEL: {{ .Values.logLevel | quote }}
PEGASE_DB_POOL_MAX: {{ .Values.database.poolMax | int64 | quote }}
PEGASE_EVENTS: {{ include "pegase.eventsTransport" . | quote }}
PEGASE_EVENTS_CONCURRENCY: {{ .Values.events.concurrency | int64 | quote }}
PEGASE_EVENTS_POLL_MS: {{ .Values.events.pollMs | int64 | quote }}
PEGASE_MIGRATE_ON_START: {{ include "pegase.migrateOnStart" . | quote }}
PEGASE_SHUTDOWN_TIMEOUT_MS: {{ .Values.shutdownTimeoutMs | int64 | quote }}
PEGASE_SHUTDOWN_DELAY_MS: {{ .Values.shutdownDelayMs | int64 | quote }}
PEGASE_BODY_LIMIT_BYTES: {{ .Values.bodyLimitBytes | int64 | quote }}
PEGASE_TRUST_PROXY: {{ .Values.ingress.enabled | quote }}
{{- with include "pegase.publicUrl" . }}
PEGASE_PUBLIC_URL: {{ . | quote }}
{{- end }}
{{- with .Values.oidc }}
{{- if .issuer }}
PEGASE_OIDC_ISSUER: {{ .issuer | quote }}
{{- end }}
PEGASE_OIDC_AUDIENCE: {{ .audience | quote }}
PEGASE_OIDC_ROLES_CLAIM: {{ .rolesClaim | quote }}
PEGASE_OIDC_STRUCTURES_CLAIM: {{ .structuresClaim | quote }}
PEGASE_OIDC_LEARNER_CLAIM: {{ .learnerClaim | quote }}
{{- if .roleMap }}
PEGASE_OIDC_ROLE_MAP: {{ toJson .roleMap | quote }}
{{- end }}
{{- if .webRedirectUris }}
PEGASE_WEB_REDIRECT_URIS: {{ join "," .webRedirectUris | quote }}
{{- end }}
PEGASE_TOKEN_TTL_SECONDS: {{ .tokenTtlSeconds | int64 | quote }}
{{- end }}
{{- with .Values.cas }}
{{- if .url }}
PEGASE_CAS_URL: {{ .url | quote }}
{{- end }}
PEGASE_CAS_ROLES_ATTRIBUTE: {{ .rolesAttribute | quote }}
{{- if .roleMap }}
PEGASE_CAS_ROLE_MAP: {{ toJson .roleMap | quote }}
{{- end }}
PEGASE_CAS_STRUCTURES_ATTRIBUTE: {{ .structuresAttribute | quote }}
PEGASE_CAS_LEARNER_ATTRIBUTE: {{ .learnerAttribute | quote }}
{{- end }}
{{- end }}

{{/* The chart's Secret's data. */}}
{{- define "pegase.secretData" -}}
{{- if and .Values.database.url (not .Values.cloudnativepg.enabled) }}
DATABASE_URL: {{ .Values.database.url | b64enc | quote }}
{{- end }}
{{- range $name, $value := .Values.extraSecretEnv }}
{{ $name }}: {{ $value | toString | b64enc | quote }}
{{- end }}
{{- end }}

{{/* Pod and container security: non-root, read-only root filesystem (writes go to /tmp and the data folder). */}}
{{- define "pegase.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "pegase.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
{{- end }}

{{- define "pegase.volumes" -}}
- name: tmp
  emptyDir: {}
- name: data
  emptyDir: {}
{{- end }}

{{- define "pegase.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: data
  mountPath: /var/lib/pegase
{{- end }}
