import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconRestore } from '../../../components/icons';
import {
  previewEmail,
  useUpdateOrganisation,
  type CustomerLanguage,
  type EmailKind,
  type EmailTemplate,
} from '../../../api/organisation';
import { formProblem, type FormProblem } from '../../../lib/formErrors';
import { errorMessage } from '../../../api/errors';
import { useTranslation } from 'react-i18next';


type Part = 'subject' | 'text';

/** One e-mail's text in one language, with a live preview in that language. */
export function EmailTemplateEditor({ kind, language, template }: {
  kind: EmailKind;
  language: CustomerLanguage;
  template: EmailTemplate;
}) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation();
  const [subject, setSubject] = useState(template.subject);
  const [text, setText] = useState(template.text);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const lastFocused = useRef<Part>('text');
  const subjectRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setSubject(template.subject);
    setText(template.text);
  }, [template.subject, template.text]);

  const [draft] = useDebouncedValue({ subject, text }, 400);
  const preview = useQuery({
    queryKey: ['email-preview', kind, language, draft.subject, draft.text],
    queryFn: ({ signal }) => previewEmail(kind, language, draft.subject, draft.text, signal),
    retry: false,
    staleTime: 60_000,
  });

  const dirty = subject !== template.subject || text !== template.text;
  const fieldError = (part: Part) =>
    problem?.fields[`email_templates.${language}.${kind}.${part}`] ?? problem?.fields[part];

  function insert(placeholder: string) {
    const token = `{${placeholder}}`;
    const part = lastFocused.current;
    const element = part === 'subject' ? subjectRef.current : textRef.current;
    const value = part === 'subject' ? subject : text;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + token + value.slice(end);
    (part === 'subject' ? setSubject : setText)(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save(value: { subject: string; text: string } | null) {
    setProblem(null);
    try {
      await update.mutateAsync({ email_templates: { [language]: { [kind]: value } } });
      notifications.show({
        color: 'green',
        title: value ? t('organisation.email.saved') : t('organisation.email.restored'),
        message: `${template.subject.slice(0, 60)}`,
      });
    } catch (cause) {
      setProblem(formProblem(cause));
    }
  }

  const previewProblem = preview.isError ? formProblem(preview.error) : null;

  return (
    <Grid gutter="lg" data-template={kind} data-language={language}>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="sm">
          {problem && Object.keys(problem.fields).length === 0 && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert">
              {problem.message}
            </Alert>
          )}
          <TextInput
            ref={subjectRef}
            label={t('organisation.email.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            onFocus={() => (lastFocused.current = 'subject')}
            error={fieldError('subject')}
          />
          <Textarea
            ref={textRef}
            label={t('organisation.email.text')}
            autosize
            minRows={8}
            maxRows={18}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onFocus={() => (lastFocused.current = 'text')}
            error={fieldError('text')}
            styles={{ input: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.5 } }}
          />
          <div>
            <Text size="xs" c="dimmed" mb={4}>
              {t('organisation.email.placeholdersHint')}
            </Text>
            <Group gap={6} aria-label={t('organisation.email.placeholders')} role="list">
              {template.placeholders.map((name) => (
                <Badge
                  key={name}
                  role="listitem"
                  component="button"
                  type="button"
                  variant="light"
                  color="gray"
                  radius="sm"
                  tt="none"
                  ff="monospace"
                  style={{ cursor: 'pointer' }}
                  onClick={() => insert(name)}
                >
                  {`{${name}}`}
                </Badge>
              ))}
            </Group>
          </div>
          <Group justify="space-between" mt="xs">
            <Tooltip label={t('organisation.email.resetHint')} disabled={!template.customised}>
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconRestore size={16} />}
                disabled={!template.customised}
                onClick={() => save(null)}
              >
                {t('organisation.email.reset')}
              </Button>
            </Tooltip>
            <Group gap="sm">
              {dirty && (
                <Button
                  variant="default"
                  onClick={() => {
                    setSubject(template.subject);
                    setText(template.text);
                    setProblem(null);
                  }}
                >
                  {t('organisation.discard')}
                </Button>
              )}
              <Button disabled={!dirty} loading={update.isPending} onClick={() => save({ subject, text })}>
                {t('organisation.email.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
          {t('organisation.email.preview')}
        </Text>
        <Paper withBorder radius="md" p="md" bg="gray.0" aria-label={t('organisation.email.previewLabel')} role="region" aria-busy={preview.isFetching}>
          {previewProblem ? (
            <Text size="sm" c="red">
              {Object.values(previewProblem.fields)[0] ?? errorMessage(preview.error)}
            </Text>
          ) : preview.data ? (
            <Stack gap="xs" style={{ opacity: preview.isFetching ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <Text size="xs" c="dimmed">
                {t('organisation.email.previewTo')}
              </Text>
              <Text fw={600} size="sm" data-testid="preview-subject">
                {preview.data.subject}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-text">
                {preview.data.text}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('organisation.email.loadingPreview')}
            </Text>
          )}
        </Paper>
        <Text size="xs" c="dimmed" mt={6}>
          {t('organisation.email.sampleNote')}
        </Text>
      </Grid.Col>
    </Grid>
  );
}
