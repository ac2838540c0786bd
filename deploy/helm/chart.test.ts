// The chart rendered by the real helm with each value set of ci/, read as a
// cluster would read it: which Deployment serves which module, where the
// Ingress sends each path, what the autoscalers watch, how migrations run,
// and that values the schema or the templates refuse are refused. The objects'
// shapes are validated apart, against the Kubernetes schemas (scripts/helm.sh).
// Run: scripts/helm.sh check (it builds helm and sets HELM).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { configVariables } from '@pegase/platform';
import { allModules } from '../../apps/server/src/modules.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const chart = path.join(root, 'deploy/helm/pegase');
const helm = process.env['HELM'] ?? path.join(root, '.tmp/go/bin/helm');
assert.ok(existsSync(helm), `no helm at ${helm}: run scripts/helm.sh install`);

// Loose shapes: the Kubernetes schemas check the rest.
/* eslint-disable @typescript-eslint/no-explicit-any */
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
};

function render(values: string | undefined, ...set: string[]): K8sObject[] {
  const args = ['template', 'pegase', chart, '--namespace', 'pegase', '--kube-version', '1.30.0'];
  if (values !== undefined) args.push('-f', path.join(chart, 'ci', values));
  for (const s of set) args.push('--set', s);
  const text = execFileSync(helm, args, { encoding: 'utf8' });
  return parseAllDocuments(text)
    .map((d) => d.toJSON() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

/** Helm's refusal of a value set, as text ('' when it renders). */
function refusal(valuesYaml: string): string {
  const file = path.join(root, '.tmp', `chart-test-${process.pid}.yaml`);
  writeFileSync(file, valuesYaml);
  try {
    const result = spawnSync(helm, ['template', 'pegase', chart, '--kube-version', '1.30.0', '-f', file], { encoding: 'utf8' });
    return result.status === 0 ? '' : result.stderr;
  } finally {
    rmSync(file, { force: true });
  }
}

const byKind = (objects: K8sObject[], kind: string): K8sObject[] => objects.filter((o) => o.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  assert.ok(found, `no ${kind} ${name}`);
  return found;
};
const container = (podOwner: K8sObject): any =>
  (podOwner.kind === 'CronJob' ? podOwner.spec.jobTemplate.spec.template.spec : podOwner.spec.template.spec).containers[0];
const podSpec = (podOwner: K8sObject): any => (podOwner.kind === 'CronJob' ? podOwner.spec.jobTemplate.spec.template.spec : podOwner.spec.template.spec);
const databaseFrom = (podOwner: K8sObject): { name: string; key: string } =>
  container(podOwner).env.find((e: { name: string }) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef;
const routes = (objects: K8sObject[]): Record<string, string> =>
  Object.fromEntries(
    named(objects, 'Ingress', 'pegase').spec.rules[0].http.paths.map((p: { path: string; backend: { service: { name: string } } }) => [
      p.path,
      p.backend.service.name,
    ]),
  );
const config = (objects: K8sObject[], name = 'pegase'): Record<string, string> => named(objects, 'ConfigMap', name).data!;

describe('the chart', () => {
  it('knows the modules this version of Pégase contains', () => {
    const names = allModules.map((m) => m.name);
    const helpers = readFileSync(path.join(chart, 'templates/_helpers.tpl'), 'utf8');
    assert.deepEqual(/define "pegase\.knownModules" -}}\n(.*)\n/.exec(helpers)?.[1]?.split(' '), names, 'templates/_helpers.tpl pegase.knownModules');
    const schema = JSON.parse(readFileSync(path.join(chart, 'values.schema.json'), 'utf8'));
    assert.deepEqual(schema.properties.modules.items.properties.serves.items.enum, names, 'values.schema.json modules[].serves');
    assert.deepEqual(schema.properties.modules.items.then.properties.name.enum, [...names, 'all'], 'values.schema.json modules[].name');
  });

  it('sets only variables Pégase reads, in forms it accepts', () => {
    const specs = new Map(Object.values(configVariables).map((v) => [v.name, v as { name: string; expected: string; parse: (raw: string) => unknown }]));
    for (const values of ['all-in-one.yaml', 'per-module-kafka.yaml', 'operators-backup.yaml', 'minimal.yaml']) {
      for (const [key, value] of Object.entries(config(render(values)))) {
        const spec = specs.get(key);
        assert.ok(spec, `${values}: the ConfigMap sets ${key}, which Pégase does not read`);
        // Kafka and NATS are the transports ARCHITECTURE.md names (Events); the
        // platform accepts each once its transport is there, the schema checks the form meanwhile.
        if (key === 'PEGASE_EVENTS' && /^(kafka|nats):\/\//.test(value)) continue;
        assert.notEqual(spec.parse(value), undefined, `${values}: ${key}=${value} is not ${spec.expected}`);
      }
    }
  });

  it('runs every pod as non-root on a read-only root filesystem, with /tmp writable', () => {
    for (const values of ['all-in-one.yaml', 'per-module-kafka.yaml', 'operators-backup.yaml', 'minimal.yaml']) {
      const owners = render(values).filter((o) => ['Deployment', 'Job', 'CronJob'].includes(o.kind));
      for (const owner of owners) {
        const where = `${values} ${owner.kind} ${owner.metadata.name}`;
        assert.equal(podSpec(owner).securityContext.runAsNonRoot, true, where);
        assert.equal(container(owner).securityContext.readOnlyRootFilesystem, true, where);
        assert.ok(
          container(owner).volumeMounts.some((m: { mountPath: string }) => m.mountPath === '/tmp'),
          `${where}: /tmp is not writable`,
        );
      }
    }
  });

  it('serves every module in one Deployment, autoscaled on CPU and on requests a second', () => {
    const objects = render('all-in-one.yaml');
    const [deployment, ...others] = byKind(objects, 'Deployment');
    assert.equal(others.length, 0);
    assert.equal(deployment!.metadata.name, 'pegase-all');
    assert.deepEqual(container(deployment!).args, ['serve']);
    assert.equal(deployment!.spec.replicas, undefined, 'the autoscaler owns the replicas');
    assert.equal(container(deployment!).livenessProbe.httpGet.path, '/health/live');
    assert.equal(container(deployment!).readinessProbe.httpGet.path, '/health/ready');
    const hpa = named(objects, 'HorizontalPodAutoscaler', 'pegase-all');
    assert.deepEqual(
      hpa.spec.metrics.map((m: any) => m.resource?.name ?? m.pods.metric.name),
      ['cpu', 'pegase_http_requests_per_second'],
    );
    assert.equal(hpa.spec.metrics[1].pods.target.averageValue, '40');
    assert.deepEqual(routes(objects), { '/metrics': 'pegase-closed', '/health': 'pegase-closed', '/': 'pegase-all' });
    const closed = named(objects, 'Service', 'pegase-closed');
    assert.equal(closed.spec.selector, undefined, 'no pod behind the closed paths');
    const settings = config(objects);
    assert.equal(settings['PEGASE_PUBLIC_URL'], 'https://scolarite.univ.example');
    assert.equal(settings['PEGASE_TRUST_PROXY'], 'true');
    assert.equal(settings['PEGASE_OIDC_ROLE_MAP'], '{"employee":"staff","faculty":"teacher"}');
    assert.deepEqual(databaseFrom(deployment!), { name: 'pegase-database', key: 'url' });
  });

  it('migrates with a Job before the install and each upgrade, and then not when pods start', () => {
    const objects = render('all-in-one.yaml');
    const job = named(objects, 'Job', 'pegase-migrate');
    assert.deepEqual(container(job).args, ['migrate']);
    assert.equal(job.metadata.annotations!['helm.sh/hook'], 'pre-install,pre-upgrade');
    // Its settings are hooks too, created before it: the release's own do not exist yet.
    const settings = named(objects, 'ConfigMap', 'pegase-migrate');
    assert.equal(settings.metadata.annotations!['helm.sh/hook'], 'pre-install,pre-upgrade');
    assert.ok(Number(settings.metadata.annotations!['helm.sh/hook-weight']) < Number(job.metadata.annotations!['helm.sh/hook-weight']));
    assert.equal(container(job).envFrom[0].configMapRef.name, 'pegase-migrate');
    assert.equal(config(objects)['PEGASE_MIGRATE_ON_START'], 'false');
    assert.deepEqual(databaseFrom(job), databaseFrom(named(objects, 'Deployment', 'pegase-all')));
  });

  it('runs one Deployment per module, each reached at /api/<module>', () => {
    const objects = render('per-module-kafka.yaml');
    const deployments = byKind(objects, 'Deployment');
    assert.deepEqual(
      deployments.map((d) => container(d).args),
      allModules.map((m) => ['serve', '--modules', m.name]),
    );
    assert.deepEqual(routes(objects), {
      ...Object.fromEntries(allModules.map((m) => [`/api/${m.name}`, `pegase-${m.name}`])),
      '/': 'pegase-referential',
    });
    assert.equal(config(objects)['PEGASE_EVENTS'], 'kafka://kafka-bootstrap.kafka.svc:9092');
    assert.equal(config(objects)['PEGASE_CAS_URL'], 'https://cas.univ.example/cas');
    const autoscaled = byKind(objects, 'HorizontalPodAutoscaler').map((h) => h.metadata.name);
    assert.ok(!autoscaled.includes('pegase-curriculum'), 'curriculum turned its autoscaler off');
    assert.equal(named(objects, 'Deployment', 'pegase-curriculum').spec.replicas, 2);
    assert.equal(named(objects, 'HorizontalPodAutoscaler', 'pegase-enrolment').spec.maxReplicas, 20);
    // Enrolment also follows the enrolments themselves: the business events a second each pod commits.
    assert.deepEqual(
      named(objects, 'HorizontalPodAutoscaler', 'pegase-enrolment').spec.metrics.map((m: any) => m.resource?.name ?? m.pods.metric.name),
      ['cpu', 'pegase_http_requests_per_second', 'pegase_business_events_per_second'],
    );
    assert.equal(named(objects, 'HorizontalPodAutoscaler', 'pegase-documents').spec.metrics[0].resource.target.averageUtilization, 60);
    assert.equal(named(objects, 'PodDisruptionBudget', 'pegase-assessment').spec.maxUnavailable, 2);
    assert.deepEqual(container(named(objects, 'Deployment', 'pegase-assessment')).env.at(-1), { name: 'LOG_LEVEL', value: 'debug' });
    assert.deepEqual(databaseFrom(named(objects, 'Deployment', 'pegase-payment')), { name: 'scolarite-postgres', key: 'uri' });
  });

  it('creates PostgreSQL with CloudNativePG and Kafka with Strimzi, and backs the database up', () => {
    const objects = render('operators-backup.yaml');
    const cluster = named(objects, 'Cluster', 'pegase-db');
    assert.equal(cluster.spec.bootstrap.initdb.database, 'pegase');
    const kafka = named(objects, 'Kafka', 'pegase-kafka');
    assert.equal(named(objects, 'KafkaNodePool', 'pegase-kafka-nodes').metadata.labels!['strimzi.io/cluster'], kafka.metadata.name);
    assert.equal(config(objects)['PEGASE_EVENTS'], 'kafka://pegase-kafka-kafka-bootstrap:9092');
    for (const owner of objects.filter((o) => ['Deployment', 'Job', 'CronJob'].includes(o.kind))) {
      assert.deepEqual(databaseFrom(owner), { name: 'pegase-db-app', key: 'uri' }, `${owner.kind} ${owner.metadata.name}`);
    }
    // The database appears with the release: the first pods migrate it, the Job runs before upgrades.
    assert.equal(named(objects, 'Job', 'pegase-migrate').metadata.annotations!['helm.sh/hook'], 'pre-upgrade');
    assert.equal(config(objects)['PEGASE_MIGRATE_ON_START'], 'true');
    const deployments = byKind(objects, 'Deployment');
    assert.deepEqual(
      deployments.map((d) => [d.metadata.name, container(d).args]),
      [
        ['pegase-core', ['serve', '--modules', 'referential,curriculum,enrolment,payment,documents,registration']],
        ['pegase-assessment', ['serve', '--modules', 'assessment']],
      ],
    );
    assert.equal(routes(objects)['/'], 'pegase-core');
    assert.equal(config(objects)['PEGASE_PUBLIC_URL'], 'http://pegase.univ.example');
    const backup = named(objects, 'CronJob', 'pegase-backup');
    assert.equal(backup.spec.schedule, '15 3 * * *');
    assert.match(container(backup).command.at(-1), /pg_dump --format=custom/);
    assert.match(container(backup).command.at(-1), /-mtime \+30 -delete/);
    named(objects, 'PersistentVolumeClaim', podSpec(backup).volumes[0].persistentVolumeClaim.claimName);
    assert.deepEqual(Object.keys(named(objects, 'Secret', 'pegase').data!), ['PEGASE_EXAMPLE_TOKEN']);
  });

  it('keeps a minimal install minimal', () => {
    const objects = render('minimal.yaml');
    assert.deepEqual(objects.map((o) => o.kind).sort(), ['ConfigMap', 'Deployment', 'Secret', 'Service']);
    const deployment = named(objects, 'Deployment', 'pegase-all');
    assert.equal(deployment.spec.replicas, 1);
    assert.equal(podSpec(deployment).serviceAccountName, 'default');
    assert.deepEqual(databaseFrom(deployment), { name: 'pegase', key: 'DATABASE_URL' });
    assert.equal(
      Buffer.from(named(objects, 'Secret', 'pegase').data!['DATABASE_URL']!, 'base64').toString(),
      'postgres://pegase:pegase@postgres.default.svc:5432/pegase',
    );
    assert.equal(config(objects)['PEGASE_MIGRATE_ON_START'], 'true');
  });

  it('says after an install where Pégase is and how its database and migrations work', () => {
    // helm renders NOTES.txt only when it installs, against a cluster: render it here as a template's value.
    const copy = mkdtempSync(path.join(root, '.tmp', 'chart-notes-'));
    try {
      cpSync(chart, copy, { recursive: true });
      renameSync(path.join(copy, 'templates/NOTES.txt'), path.join(copy, 'notes.txt'));
      writeFileSync(path.join(copy, 'templates/notes.yaml'), 'notes: |\n{{ tpl (.Files.Get "notes.txt") . | indent 2 }}\n');
      const notes = (values: string): string => {
        const args = ['template', 'pegase', copy, '--kube-version', '1.30.0', '-f', path.join(chart, 'ci', values), '--show-only', 'templates/notes.yaml'];
        return (parseAllDocuments(execFileSync(helm, args, { encoding: 'utf8' }))[0]!.toJSON() as { notes: string }).notes;
      };
      const allInOne = notes('all-in-one.yaml');
      assert.match(allInOne, /Open https:\/\/scolarite\.univ\.example\//);
      assert.match(allInOne, /runs `pegase migrate` before the install and before each upgrade\./);
      assert.doesNotMatch(allInOne, /embedded OpenID provider/, 'an external provider has its own administrators');
      const minimal = notes('minimal.yaml');
      assert.match(minimal, /port-forward svc\/pegase-all 8080:80/);
      assert.match(minimal, /Migrations: the pods apply pending migrations when they start\./);
      assert.match(notes('operators-backup.yaml'), /pegase-core: referential, curriculum, enrolment, payment, documents, registration \+ the web application/);
      assert.match(notes('per-module-kafka.yaml'), /exec -i deploy\/pegase-referential --/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('refuses values that cannot work, saying which', () => {
    assert.match(refusal('modules: [{name: grades}]'), /\/modules\/0\/name.*must be one of/);
    assert.match(refusal('bogus: 1'), /additional properties 'bogus' not allowed/);
    assert.match(refusal('events: {transport: "amqp://broker"}'), /\/events\/transport/);
    assert.match(refusal('modules: []'), /\/modules.*minItems/);
    assert.match(refusal('modules: [{name: all}, {name: spare, serves: [payment]}, {name: payment}]'), /payment is served by both spare and payment/);
    assert.match(refusal('modules: [{name: all}, {name: all}]'), /all is listed twice/);
    assert.match(refusal('modules: [{name: all, autoscaling: {enabled: true, minReplicas: 5, maxReplicas: 2}}]'), /minReplicas above maxReplicas/);
    assert.match(refusal('web: {servedBy: payment}'), /web\.servedBy: payment is not an enabled entry/);
    assert.match(refusal('modules: [{name: all, enabled: false}]'), /enable at least one entry/);
    assert.equal(refusal('modules: [{name: all, enabled: false}, {name: payment}]'), '', 'a disabled entry is left out');
    assert.match(refusal('modules: [{name: enrolment}, {name: payment}]'), /modules split over several Deployments need a broker/);
    assert.equal(refusal('modules: [{name: enrolment}, {name: payment}]\nevents: {transport: "nats://nats:4222"}'), '', 'split with a broker');
    assert.match(refusal('shutdownTimeoutMs: 35000'), /terminationGracePeriodSeconds must exceed/);
  });
});
