import { Alert } from '@mantine/core';
import type { Feedback } from './useAction';

export function FeedbackAlert({ feedback }: { feedback: Feedback | null }) {
  if (!feedback) return null;
  return (
    <Alert
      color={feedback.kind === 'ok' ? 'patuh' : 'red'}
      variant="light"
      role={feedback.kind === 'ok' ? 'status' : 'alert'}
      data-testid={feedback.kind === 'ok' ? 'feedback-ok' : 'feedback-error'}
    >
      {feedback.text}
    </Alert>
  );
}
