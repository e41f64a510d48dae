// Settings: durations, warning lead, support addresses, SMTP and operator name. Validated as typed
// (the core validates again), saved to the database, effective at once without a restart.
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { call } from '../../api/client';
import { useChanges, useRevision } from '../../app/changes';
import { ErrorAlert, toShownError, type ShownError } from '../../components/ErrorAlert';
import type { SettingKey, SettingsView } from '../../../../shared/settings';
import { helpOf, readField, SECURITY_OPTIONS, SETTING_GROUPS, type SettingField } from './fields';

type Texts = Partial<Record<SettingKey, string>>;

function textsOf(view: SettingsView): Texts {
  const texts: Texts = {};
  for (const group of SETTING_GROUPS) {
    for (const field of group.fields) {
      // The password never comes back from the main process: empty means "leave it as it is".
      texts[field.key] = field.key === 'smtpPassword' ? '' : String(view[field.key as Exclude<SettingKey, 'smtpPassword'>]);
    }
  }
  return texts;
}

export function SettingsScreen() {
  const revision = useRevision('settings');
  const { bump } = useChanges();
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const [texts, setTexts] = useState<Texts>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    let current = true;
    call('settings:get', {})
      .then((view) => {
        if (!current) return;
        setSaved(view);
        setTexts(textsOf(view));
      })
      .catch((reason: unknown) => current && setError(toShownError(reason)));
    return () => {
      current = false;
    };
  }, [revision]);

  const fields = useMemo(() => SETTING_GROUPS.flatMap((g) => g.fields), []);
  const original = useMemo(() => (saved ? textsOf(saved) : {}), [saved]);
  const problems = useMemo(() => {
    const found: Partial<Record<SettingKey, string>> = {};
    for (const field of fields) {
      const text = texts[field.key] ?? '';
      if (field.key === 'smtpPassword' && text === '') continue;
      const read = readField(field, text);
      if (!read.ok) found[field.key] = read.reason;
    }
    return found;
  }, [fields, texts]);
  const changed = fields.filter((f) => (f.key === 'smtpPassword' ? (texts.smtpPassword ?? '') !== '' : texts[f.key] !== original[f.key]));

  const save = async () => {
    const changes: Record<string, unknown> = {};
    for (const field of changed) {
      const read = readField(field, texts[field.key] ?? '');
      if (read.ok) changes[field.key] = read.value;
    }
    try {
      const view = await call('settings:set', { changes });
      setSaved(view);
      setTexts(textsOf(view));
      setError(null);
      setDone(true);
      bump('settings');
    } catch (reason) {
      setError(toShownError(reason));
    }
  };

  const input = (field: SettingField) => {
    const common = {
      key: field.key,
      id: `setting-${field.key}`,
      label: field.label,
      value: texts[field.key] ?? '',
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setDone(false);
        setTexts((now) => ({ ...now, [field.key]: event.target.value }));
      },
      error: Boolean(problems[field.key]),
      helperText: problems[field.key] ?? helpOf(field.key),
      size: 'small' as const,
      sx: { width: field.kind === 'days' || field.kind === 'number' ? 220 : 340 },
    };
    if (field.kind === 'security') {
      return (
        <TextField {...common} select>
          {SECURITY_OPTIONS.map((option) => (
            <MenuItem key={option} value={option}>
              {option}
            </MenuItem>
          ))}
        </TextField>
      );
    }
    if (field.kind === 'password') {
      return (
        <TextField
          {...common}
          type="password"
          autoComplete="new-password"
          placeholder={saved?.smtpPasswordSet ? '(set: type to replace)' : '(not set)'}
        />
      );
    }
    return (
      <TextField
        {...common}
        type={field.kind === 'email' ? 'email' : 'text'}
        inputMode={field.kind === 'days' || field.kind === 'number' ? 'numeric' : undefined}
      />
    );
  };

  return (
    <Stack spacing={2} sx={{ flex: 1, minHeight: 0, overflow: 'auto', pb: 2 }}>
      <ErrorAlert error={error} />
      {done && <Alert severity="success">Settings saved. They apply from now on, to new deadlines.</Alert>}
      {SETTING_GROUPS.map((group) => (
        <Paper key={group.title} variant="outlined" component="section" aria-label={group.title} sx={{ p: 2 }}>
          <Typography variant="h6" component="h2" sx={{ fontSize: '1rem', fontWeight: 700 }}>
            {group.title}
          </Typography>
          {group.note && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {group.note}
            </Typography>
          )}
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>{group.fields.map(input)}</Box>
        </Paper>
      ))}
      <Box>
        <Button
          variant="contained"
          disabled={!saved || changed.length === 0 || Object.keys(problems).length > 0}
          onClick={() => void save()}
        >
          Save settings
        </Button>
      </Box>
    </Stack>
  );
}
