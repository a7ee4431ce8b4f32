// Display names of event enum values, one wording per language for every place the API shows them (facet
// labels, the date line of an event, calendar entries, embeds), so a status never reads two ways.
import type { Lang } from '../../schema/columns.ts';
import type { AttendanceMode, EventStatus } from '../../schema/events.ts';

export const STATUS_LABELS: Record<Lang, Record<EventStatus, string>> = {
  nl: {
    scheduled: 'Gepland',
    cancelled: 'Geannuleerd',
    postponed: 'Uitgesteld',
    rescheduled: 'Verplaatst',
    'moved-online': 'Nu online',
  },
  en: {
    scheduled: 'Scheduled',
    cancelled: 'Cancelled',
    postponed: 'Postponed',
    rescheduled: 'Rescheduled',
    'moved-online': 'Now online',
  },
  fr: {
    scheduled: 'Prévu',
    cancelled: 'Annulé',
    postponed: 'Reporté',
    rescheduled: 'Reprogrammé',
    'moved-online': 'Désormais en ligne',
  },
};

export const ATTENDANCE_LABELS: Record<Lang, Record<AttendanceMode, string>> = {
  nl: { offline: 'Ter plaatse', online: 'Online', mixed: 'Ter plaatse en online' },
  en: { offline: 'In person', online: 'Online', mixed: 'In person and online' },
  fr: { offline: 'Sur place', online: 'En ligne', mixed: 'Sur place et en ligne' },
};

/** Both vocabularies in one map, for places that label either. */
export const LABELS: Record<Lang, Record<AttendanceMode | EventStatus, string>> = {
  nl: { ...STATUS_LABELS.nl, ...ATTENDANCE_LABELS.nl },
  en: { ...STATUS_LABELS.en, ...ATTENDANCE_LABELS.en },
  fr: { ...STATUS_LABELS.fr, ...ATTENDANCE_LABELS.fr },
};
