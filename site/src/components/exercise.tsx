import type { ReactNode } from 'react';
import { useRender } from '../lib/render-context.js';

/** `<Exercise>…</Exercise>`: a numbered exercise. */
export function Exercise({ children }: { children?: ReactNode }) {
  const { ui, exercises } = useRender();
  exercises.count += 1;
  return (
    <section className="exercise">
      <p className="exercise-title">{ui.t('exercise.title', { n: exercises.count })}</p>
      {children}
    </section>
  );
}

/** `<Answer>…</Answer>` inside an exercise: hidden until opened (works without JavaScript). */
export function Answer({ children }: { children?: ReactNode }) {
  const { ui } = useRender();
  return (
    <details className="answer">
      <summary>{ui.t('exercise.answer')}</summary>
      <div className="answer-body">{children}</div>
    </details>
  );
}
