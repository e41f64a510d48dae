// The application frame: theme (following the OS light/dark preference), providers, the top bar
// and the navigation between screens listed in screens.tsx.
import { useEffect, useMemo, useState } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import CssBaseline from '@mui/material/CssBaseline';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import DialpadOutlined from '@mui/icons-material/DialpadOutlined';
import { NavigationProvider } from '../features/notifications/navigation';
import { ChangesProvider } from './changes';
import { OrgDirectoryProvider } from './org-directory';
import { SCREENS } from './screens';
import { buildTheme } from './theme';

const NAV_WIDTH = 200;

function screenFromHash(): string {
  const id = window.location.hash.replace(/^#/, '');
  return SCREENS.some((screen) => screen.id === id) ? id : SCREENS[0].id;
}

export function App() {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const theme = useMemo(() => buildTheme(prefersDark ? 'dark' : 'light'), [prefersDark]);
  const [screenId, setScreenId] = useState(screenFromHash);
  useEffect(() => {
    const follow = () => setScreenId(screenFromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const screen = SCREENS.find((candidate) => candidate.id === screenId) ?? SCREENS[0];

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ChangesProvider>
        <OrgDirectoryProvider>
          <NavigationProvider>
            <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
              <AppBar position="static" color="primary" elevation={0}>
                <Toolbar variant="dense" sx={{ gap: 1.5 }}>
                  <DialpadOutlined aria-hidden />
                  <Typography variant="h6" component="p" sx={{ fontWeight: 700, fontSize: '1.05rem' }}>
                    Number Inventory
                  </Typography>
                </Toolbar>
              </AppBar>
              <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
                <Paper
                  component="nav"
                  aria-label="Screens"
                  square
                  elevation={0}
                  sx={{ width: NAV_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider' }}
                >
                  <List>
                    {SCREENS.map((item) => (
                      <ListItemButton
                        key={item.id}
                        component="a"
                        href={`#${item.id}`}
                        selected={item.id === screen.id}
                        aria-current={item.id === screen.id ? 'page' : undefined}
                      >
                        <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                        <ListItemText primary={item.label} />
                      </ListItemButton>
                    ))}
                  </List>
                </Paper>
                <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', p: 2, gap: 1.5 }}>
                  <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                    {screen.label}
                  </Typography>
                  {screen.render()}
                </Box>
              </Box>
            </Box>
          </NavigationProvider>
        </OrgDirectoryProvider>
      </ChangesProvider>
    </ThemeProvider>
  );
}
