// @custom-elements-manifest/analyzer: documents every element's attributes, events, CSS parts and custom
// properties from the JSDoc in widgets/, for editors, documentation tools and the widget builder.

// Lit `state: true` properties are internal, but the analyzer lists them as attributes; these names are
// exactly the internal states declared in widgets/ (keep in step).
const INTERNAL_STATES = new Set(['state', 'chosen', 'month', 'selectedDay', 'open', 'announcement']);

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/shared/api-types.ts'],
  outdir: 'dist/public/widgets',
  litelement: true,
  plugins: [
    {
      name: 'socius-drop-internal-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            declaration.attributes = declaration.attributes?.filter((a) => !INTERNAL_STATES.has(a.name));
            declaration.members = declaration.members?.filter((m) => !INTERNAL_STATES.has(m.name));
          }
        }
      },
    },
  ],
};
