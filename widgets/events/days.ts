// Calendar days as `YYYY-MM-DD` keys in Brussels time, shared by <socius-events> and its month grid.
import { TIME_ZONE } from '../shared/format.ts';

export const dayKey = (iso: string) => iso.slice(0, 10); // API times carry the Brussels offset: the first 10 characters are the Brussels date
export const todayKey = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
export const shiftDay = (key: string, days: number) => {
  const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
export const monthOf = (key: string) => key.slice(0, 7);
