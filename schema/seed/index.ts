// The seed content: one object per item, every language side by side, dates relative to the day the seed runs.
// scripts/seed turns it into rows and writes them; this folder holds only the content and its shape.
import { about } from './content/about.ts';
import { analyses } from './content/analyses.ts';
import { events } from './content/events.ts';
import { services } from './content/services.ts';
import { topics } from './content/topics.ts';

export const seedContent = { about, topics, services, analyses, events };
