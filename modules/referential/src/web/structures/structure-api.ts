import { api, dataOf, type paths } from '@pegase/web-kit';

export type Structure = paths['/api/referential/v1/structures/{id}']['get']['responses'][200]['content']['application/json'];
export type StructureQuery = NonNullable<paths['/api/referential/v1/structures']['get']['parameters']['query']>;
export type StructureType = NonNullable<StructureQuery['type']>;
export type CreateStructureBody = NonNullable<paths['/api/referential/v1/structures']['post']['requestBody']>['content']['application/json'];
export type UpdateStructureBody = NonNullable<paths['/api/referential/v1/structures/{id}']['patch']['requestBody']>['content']['application/json'];

export const STRUCTURE_TYPES: StructureType[] = ['ufr', 'institute', 'school', 'department', 'laboratory', 'service'];

export function listStructures(query: StructureQuery) {
  return api.GET('/api/referential/v1/structures', { params: { query } }).then(dataOf);
}

/** Every child of a structure (or the top level), page after page: a level of the tree is small. */
export async function allChildren(parentId: string | 'none'): Promise<Structure[]> {
  const items: Structure[] = [];
  let cursor: string | undefined;
  do {
    const page = await listStructures({ parentId, limit: 200, sort: 'code', ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export async function getStructure(id: string) {
  const result = await api.GET('/api/referential/v1/structures/{id}', { params: { path: { id } } });
  return { structure: dataOf(result), etag: result.response.headers.get('etag') };
}

export async function findByCode(code: string): Promise<Structure | undefined> {
  const page = await listStructures({ q: code, limit: 50, sort: 'code' });
  return page.items.find((item) => item.code === code);
}
