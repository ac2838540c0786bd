import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { labelIn } from '@pegase/web-kit';
import { myPoints, selfKeys } from './self-service-api.ts';

/** The label of one of the student's enrolment points (« Licence Informatique — 3e année »), in their language; undefined while loading. */
export function useMyPointLabel(): (pointId: string) => string | undefined {
  const { i18n } = useTranslation('enrolment');
  const points = useQuery({ queryKey: selfKeys.points, queryFn: myPoints, staleTime: 5 * 60_000 });
  return (pointId) => {
    const point = points.data?.find((item) => item.id === pointId);
    return point === undefined ? undefined : labelIn(i18n.language, point.labels);
  };
}
