import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, ProblemError, translateFieldMessage, type FormFieldError } from '@pegase/web-kit';
import { studentFieldMessage } from './field-messages.ts';

/** An input of a form, by the JSON pointer the API names it with. */
export interface FormInput {
  id: string;
  label: string;
}

/**
 * The errors of one of the student's forms, as the web kit's forms show
 * them: each beside its field and listed above the form with a link to it.
 * They come from the form's own checks (keys of texts) or from the API's
 * answers — several when a step saves the record and the enrolment at once.
 * A problem that names none of the form's fields is `unplaced`: the form
 * shows it whole.
 */
export function useFormErrors(inputs: Record<string, FormInput>) {
  const { t } = useTranslation('enrolment');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState<unknown[]>([]);
  const [saving, setSaving] = useState(false);

  const server: Record<string, string> = {};
  for (const failure of failures) for (const [pointer, message] of Object.entries(fieldErrorsOf(failure))) server[pointer] ??= message;

  const messageOf = (pointer: string): string | undefined => {
    if (local[pointer]) return t(local[pointer]);
    const message = server[pointer];
    if (message === undefined) return undefined;
    return studentFieldMessage(
      message,
      (key) => t(key),
      (text) => translateFieldMessage(text, (key: string) => t(key, { ns: 'translation' })),
    );
  };

  const summary: FormFieldError[] = Object.entries(inputs).flatMap(([pointer, input]) => {
    const message = messageOf(pointer);
    return message === undefined ? [] : [{ inputId: input.id, label: input.label, message }];
  });
  const unplaced = failures.filter(
    (failure) => !(failure instanceof ProblemError) || Object.keys(fieldErrorsOf(failure)).every((pointer) => !(pointer in inputs)),
  );

  /** The props of a field: its id, its error state and its message (or its help). */
  const field = (pointer: string, help?: string) => {
    const message = messageOf(pointer);
    const helperText = message ?? help;
    return { id: inputs[pointer]!.id, error: message !== undefined, ...(helperText ? { helperText } : {}) };
  };

  /**
   * Checks the form (pointer → key of a text), then saves: the requests of
   * `save` run together, and every one refused is kept to show its errors.
   * Resolves true when everything was saved.
   */
  const submit = async (check: () => Record<string, string>, save: () => Promise<unknown>[]): Promise<boolean> => {
    const errors = check();
    setLocal(errors);
    setFailures([]);
    const first = Object.keys(inputs).find((pointer) => errors[pointer] !== undefined);
    if (first !== undefined) {
      document.getElementById(inputs[first]!.id)?.focus();
      return false;
    }
    setSaving(true);
    try {
      const outcomes = await Promise.allSettled(save());
      const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      setFailures(refused);
      return refused.length === 0;
    } finally {
      setSaving(false);
    }
  };

  return { messageOf, summary, unplaced, failures, field, submit, saving };
}
