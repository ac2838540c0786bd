import { useQuery } from '@tanstack/react-query';
import { CURRICULUM, listTypes, type ObjectType } from '../curriculum-api.ts';

/** The kinds of training objects (formation, year, UE, grouping…), which rarely change. */
export function useObjectTypes() {
  return useQuery({ queryKey: [CURRICULUM, 'types'], queryFn: listTypes, staleTime: 600_000 });
}

export function kindLabel(types: ObjectType[] | undefined, code: string, language: string): string {
  const type = types?.find((candidate) => candidate.code === code);
  if (!type) return code;
  return language === 'en' ? (type.labels.en ?? type.labels.fr) : type.labels.fr;
}

export const isGrouping = (types: ObjectType[] | undefined, code: string) => types?.find((type) => type.code === code)?.grouping ?? false;
