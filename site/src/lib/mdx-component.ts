import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import type { ComponentType } from 'react';

/** Props of a compiled MDX component: the map of components its tags resolve to. */
export interface MdxProps {
  components: Record<string, ComponentType<never>>;
}

/**
 * Evaluates the code mdx-bundler produced into a React component (what mdx-bundler's
 * `getMDXComponent` does, without its client entry).
 *
 * @param code - `CompiledLesson.code`.
 * @example
 * const Lesson = mdxComponent(lesson.code);
 * renderToStaticMarkup(<Lesson components={components} />);
 */
export function mdxComponent(code: string): ComponentType<MdxProps> {
  const scope = { React, ReactDOM, _jsx_runtime: jsxRuntime };
  const evaluate = new Function(...Object.keys(scope), code) as (...args: unknown[]) => { default: ComponentType<MdxProps> };
  return evaluate(...Object.values(scope)).default;
}
