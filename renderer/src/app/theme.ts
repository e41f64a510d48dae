// One theme in two palettes; the App picks the palette from the OS (prefers-color-scheme).
import { createTheme, type Theme } from '@mui/material/styles';

const SYSTEM_FONTS = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans"',
  '"DejaVu Sans"',
  'sans-serif',
].join(',');

export const MONO_FONTS = [
  'ui-monospace',
  '"SFMono-Regular"',
  '"Cascadia Mono"',
  '"DejaVu Sans Mono"',
  'Menlo',
  'Consolas',
  'monospace',
].join(',');

export function buildTheme(mode: 'light' | 'dark'): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#1f5fae' : '#8ab4f8' },
      secondary: { main: mode === 'light' ? '#6b4fa0' : '#c9b6f2' },
      background: mode === 'light' ? { default: '#f4f6f9', paper: '#ffffff' } : { default: '#111418', paper: '#1a1e24' },
    },
    shape: { borderRadius: 8 },
    typography: { fontFamily: SYSTEM_FONTS, fontSize: 14, button: { textTransform: 'none', fontWeight: 600 } },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTab: { styleOverrides: { root: { minHeight: 48, textTransform: 'none', fontWeight: 600 } } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiDialog: { defaultProps: { fullWidth: true, maxWidth: 'sm' } },
    },
  });
}
