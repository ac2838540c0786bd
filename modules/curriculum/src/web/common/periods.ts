import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { academicYears, CURRICULUM, currentYear } from '../curriculum-api.ts';

/** The academic years, and the one the page shows: `?period=` in the address, else the year under way, else the latest. */
export function usePeriodChoice() {
  const [params, setParams] = useSearchParams();
  const years = useQuery({ queryKey: [CURRICULUM, 'academic-years'], queryFn: academicYears, staleTime: 300_000 });
  const asked = params.get('period');
  const period = years.data?.find((year) => year.id === asked) ?? currentYear(years.data ?? [], new Date().toISOString().slice(0, 10));
  const choose = (id: string) => setParams({ period: id }, { replace: true });
  return { years, period, choose };
}
