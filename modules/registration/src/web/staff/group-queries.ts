import { useQuery, useQueryClient } from '@tanstack/react-query';
import { groupKeys, listGroups } from '../registration-api.ts';

/** The class list's table (its id, also the first part of its queries' keys, and where its column choice is remembered). */
export const CLASS_LIST_TABLE = 'registration-class-list';

export function useGroups(objectId: string) {
  return useQuery({ queryKey: groupKeys.groups(objectId), queryFn: () => listGroups(objectId) });
}

/** After a change of groups: the groups, the class lists and their table are read again. */
export function useGroupsChanged(objectId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: groupKeys.object(objectId) });
    void client.invalidateQueries({ queryKey: [CLASS_LIST_TABLE] });
  };
}
