import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '@pegase/referential/module';
import { curriculumModule } from '../module.ts';

const api = '/api/curriculum/v1';

interface Obj {
  id: string;
  code: string;
  type: string;
  status: string;
  ects: number | null;
  ownerStructureId: string | null;
  openForChoice: boolean;
  capacity: number | null;
}
interface Tree {
  objects: Obj[];
  nodes: { path: string; objectId: string; parentPath: string | null }[];
}

describe('the curriculum sandbox', () => {
  let runtime: TestRuntime;
  let years: { id: string; code: string }[];
  const get = async (path: string) => {
    const response = await runtime.request('GET', `${api}${path}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const formationsOf = async (periodId: string): Promise<Obj[]> => (await get(`/objects?periodId=${periodId}&type=formation&sort=code`)).items;
  const objectOf = async (periodId: string, code: string): Promise<Obj> => {
    const found = (await get(`/objects?periodId=${periodId}&q=${code}`)).items.find((o: Obj) => o.code === code);
    expect(found, code).toBeDefined();
    return found;
  };

  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule, curriculumModule], { sandbox: true });
    years = (await runtime.request('GET', '/api/referential/v1/periods?type=academic-year&sort=startDate')).json().items;
  });
  afterAll(async () => runtime.close());

  it('holds the Licence and the Master Informatique in both academic years: validated in the older, draft copies in the newer', async () => {
    expect(years.map((year) => year.code)).toEqual(['2025-2026', '2026-2027']);
    const [older, newer] = years;
    const before = await formationsOf(older!.id);
    expect(before.map((f) => [f.code, f.status])).toEqual([
      ['LIC-INFO', 'validated'],
      ['MAST-INFO', 'validated'],
    ]);
    const after = await formationsOf(newer!.id);
    expect(after.map((f) => [f.code, f.status])).toEqual([
      ['LIC-INFO', 'draft'],
      ['MAST-INFO', 'draft'],
    ]);
    const olderCount = (await get(`/objects?periodId=${older!.id}&limit=200`)).items.length;
    expect(olderCount).toBeGreaterThan(100);
    expect((await get(`/objects?periodId=${newer!.id}&limit=200`)).items.length).toBe(olderCount);
  });

  it('validated the older year’s formations with a clean consistency report, every object validated and owned', async () => {
    for (const formation of await formationsOf(years[0]!.id)) {
      const report = await get(`/objects/${formation.id}/consistency`);
      expect(report.errors, JSON.stringify(report.findings)).toBe(0);
      expect(report.warnings, JSON.stringify(report.findings)).toBe(0);
      const tree: Tree = await get(`/objects/${formation.id}/tree`);
      expect(tree.objects.every((o) => o.status === 'validated' && o.ownerStructureId !== null)).toBe(true);
    }
  });

  it('shares « Anglais scientifique » between the Licence’s S5 language choice and the Master’s first year: two paths', async () => {
    for (const year of years) {
      const english = await objectOf(year.id, 'ANGLAIS-SCI');
      expect(await get(`/objects/${english.id}/paths`)).toEqual({
        objectId: english.id,
        paths: ['LIC-INFO>LINF-L3>LINF-S5>UE-S5-LANGUE>LANGUE-S5-CHOIX>ANGLAIS-SCI', 'MAST-INFO>MINF-M1>MINF-M1-S1>UE-M1S1-PRO>ANGLAIS-SCI'],
      });
    }
    const choice = await objectOf(years[0]!.id, 'LANGUE-S5-CHOIX');
    expect(choice).toMatchObject({ type: 'grouping', choice: { min: 1, max: 1 } });
    const tree: Tree = await get(`/objects/${choice.id}/tree`);
    const options = tree.objects.filter((o) => o.type === 'ec').sort((a, b) => a.code.localeCompare(b.code));
    expect(options.map((o) => [o.code, o.openForChoice, o.capacity])).toEqual([
      ['ALLEMAND-S5', true, 25],
      ['ANGLAIS-SCI', true, 60],
      ['ESPAGNOL-S5', true, 30],
    ]);
  });

  it('gives the Master two tracks sharing their research UE and their internship semester', async () => {
    const research = await objectOf(years[0]!.id, 'UE-M2S3-RECHERCHE');
    expect((await get(`/objects/${research.id}/paths`)).paths).toEqual([
      'MAST-INFO>MINF-GL>MINF-M2-GL>MINF-GL-S3>UE-M2S3-RECHERCHE',
      'MAST-INFO>MINF-SD>MINF-M2-SD>MINF-SD-S3>UE-M2S3-RECHERCHE',
    ]);
    const internship = await objectOf(years[0]!.id, 'MINF-M2-S4');
    expect((await get(`/objects/${internship.id}/paths`)).paths).toEqual([
      'MAST-INFO>MINF-GL>MINF-M2-GL>MINF-M2-S4',
      'MAST-INFO>MINF-SD>MINF-M2-SD>MINF-M2-S4',
    ]);
    expect((await get(`/objects?periodId=${years[0]!.id}&type=track&sort=code`)).items.map((o: Obj) => o.code)).toEqual(['MINF-GL', 'MINF-SD']);
  });

  it('makes every semester 30 ECTS, its UEs adding up to it, in both years', async () => {
    for (const year of years) {
      for (const formation of await formationsOf(year.id)) {
        const tree: Tree = await get(`/objects/${formation.id}/tree`);
        const byId = new Map(tree.objects.map((o) => [o.id, o]));
        const semesters = tree.nodes.filter((node) => byId.get(node.objectId)!.type === 'semester');
        expect(semesters, formation.code).toHaveLength(6);
        for (const node of semesters) {
          const children = tree.nodes.filter((child) => child.parentPath === node.path).map((child) => byId.get(child.objectId)!);
          expect(byId.get(node.objectId)!.ects, node.path).toBe(30);
          expect(children.length, node.path).toBeGreaterThan(0);
          expect(
            children.reduce((sum, ue) => sum + ue.ects!, 0),
            node.path,
          ).toBe(30);
        }
      }
    }
  });

  it('wrote the sandbox through the commands: the creation and the validation are in the history', async () => {
    const licence = (await formationsOf(years[0]!.id))[0]!;
    const history: { items: { action: string; actor: { subject: string } }[] } = await get(`/objects/${licence.id}/history`);
    expect(history.items.map((entry) => [entry.action, entry.actor.subject])).toEqual([
      ['object.validated', 'system:sandbox'],
      ['object.created', 'system:sandbox'],
    ]);
  });
});
