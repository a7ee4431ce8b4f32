// The bundle entry: one script tag defines every Socius element.
export { SociusEvents } from './events/socius-events.ts';
