import type { Lang } from '../../schema/columns.ts';
import type { AttendanceMode, EventStatus } from '../../schema/events.ts';

/** Display names of enum values, for facets. */
export const LABELS: Record<Lang, Record<AttendanceMode | EventStatus, string>> = {
  nl: {
    offline: 'Ter plaatse',
    online: 'Online',
    mixed: 'Ter plaatse en online',
    scheduled: 'Gepland',
    cancelled: 'Geannuleerd',
    postponed: 'Uitgesteld',
    rescheduled: 'Verplaatst',
    'moved-online': 'Verhuisd naar online',
  },
  en: {
    offline: 'In person',
    online: 'Online',
    mixed: 'In person and online',
    scheduled: 'Scheduled',
    cancelled: 'Cancelled',
    postponed: 'Postponed',
    rescheduled: 'Rescheduled',
    'moved-online': 'Moved online',
  },
  fr: {
    offline: 'Sur place',
    online: 'En ligne',
    mixed: 'Sur place et en ligne',
    scheduled: 'Prévu',
    cancelled: 'Annulé',
    postponed: 'Reporté',
    rescheduled: 'Reprogrammé',
    'moved-online': 'Passé en ligne',
  },
};
