import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface NoticeData {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly title?: string;
  readonly text: string;
}

export function Notice({ notice, testId }: { notice: NoticeData; testId: string }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId} data-intent={notice.intent}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}
