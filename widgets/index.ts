// The bundle entry: one script tag defines every Socius element.
export { SociusAbout } from './about/socius-about.ts';
export { SociusAnalyses } from './analyses/socius-analyses.ts';
export { SociusAnalysis } from './analysis/socius-analysis.ts';
export { SociusEvent } from './event/socius-event.ts';
export { SociusEvents } from './events/socius-events.ts';
export { SociusServices } from './services/socius-services.ts';
