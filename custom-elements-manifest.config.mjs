// @custom-elements-manifest/analyzer: documents every element's attributes, properties, events, CSS parts and
// custom properties from the JSDoc in widgets/, for editors, documentation tools and the widget builder.

/**
 * Lit's `static properties` entries with `state: true` are internal reactive state, never attributes, but the
 * analyzer lists every entry without `attribute: false` as one. This plugin reads those entries from the
 * source and leaves them out of the manifest, per class, so no list of names has to be kept in step.
 */
function dropInternalState() {
  const internal = new Map(); // class name -> names of its internal state
  return {
    name: 'socius-drop-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || member.name?.getText() !== 'properties' || !member.initializer) continue;
        if (!ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const entry of member.initializer.properties) {
          if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
          const isState = entry.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (!isState) continue;
          const names = internal.get(node.name.getText()) ?? new Set();
          names.add(entry.name.getText());
          internal.set(node.name.getText(), names);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const isInternal = (declaration, item) => internal.get(item.inheritedFrom?.name ?? declaration.name)?.has(item.name) ?? false;
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          declaration.attributes = declaration.attributes?.filter((a) => !isInternal(declaration, a));
          declaration.members = declaration.members?.filter((m) => !isInternal(declaration, m));
        }
      }
    },
  };
}

/**
 * The theme contract (which colours a widget inherits and which it paints) is worded once, on SociusElement. An
 * element that also lists a custom property of the base in its own JSDoc would show its shorter wording instead,
 * so a partner reading one element's entry would miss the contract: the base's entry wins for every element.
 */
function baseCustomPropertiesWin() {
  return {
    name: 'socius-base-custom-properties-win',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((m) => m.declarations ?? []);
      const base = declarations.find((d) => d.name === 'SociusElement');
      const contract = new Map((base?.cssProperties ?? []).map((p) => [p.name, p]));
      const module = customElementsManifest.modules.find((m) => m.declarations?.includes(base));
      for (const declaration of declarations) {
        if (declaration === base || !declaration.cssProperties) continue;
        declaration.cssProperties = declaration.cssProperties.map((p) =>
          contract.has(p.name) ? { ...contract.get(p.name), inheritedFrom: { name: 'SociusElement', module: module?.path } } : p,
        );
      }
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/shared/api-types.ts'],
  outdir: 'dist/public/widgets',
  litelement: true,
  plugins: [dropInternalState(), baseCustomPropertiesWin()],
};
