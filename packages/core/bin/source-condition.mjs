// A Node module-resolution hook (registered by residual.js when it runs the TypeScript sources):
// resolves every import with the "@residual/source" export condition, as
// `node --conditions=@residual/source` would, so workspace packages load their sources.
const condition = '@residual/source';

export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes(condition) ? context.conditions : [...context.conditions, condition];
  return nextResolve(specifier, { ...context, conditions });
}
