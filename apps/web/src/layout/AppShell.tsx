import { useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  AppBar,
  Box,
  Button,
  Drawer,
  IconButton,
  List,
  ListItemButton,
  ListItemText,
  MenuItem,
  TextField,
  Toolbar,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { LANGUAGES, logout, mayUse, useSession, type Session } from '@pegase/web-kit';
import { webModules } from '../modules.ts';

export interface NavEntry {
  path: string;
  /** i18n key, with its namespace. */
  label: string;
}

/** What each person may use: the home, then the modules' entries meant for their roles. */
export function navigationFor(session: Session): NavEntry[] {
  const entries: NavEntry[] = [{ path: '/', label: 'nav.home' }];
  for (const module of webModules) {
    for (const entry of module.navigation) if (mayUse(session, entry.roles)) entries.push({ path: entry.path, label: `${module.name}:${entry.label}` });
  }
  return entries;
}

const DRAWER_WIDTH = 220;

function MenuIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
    </svg>
  );
}

function NavList({ entries, onNavigate }: { entries: NavEntry[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <List component="ul" sx={{ p: 0 }}>
      {entries.map((entry) => {
        const current = entry.path === '/' ? pathname === '/' : pathname.startsWith(entry.path);
        return (
          <li key={entry.path}>
            <ListItemButton
              component={NavLink}
              to={entry.path}
              end={entry.path === '/'}
              selected={current}
              aria-current={current ? 'page' : undefined}
              onClick={onNavigate}
            >
              <ListItemText primary={t(entry.label)} />
            </ListItemButton>
          </li>
        );
      })}
    </List>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [menuOpen, setMenuOpen] = useState(false);
  const entries = navigationFor(session);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: '100vh' }}>
      <Box
        component="a"
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 2000,
          p: 1,
          bgcolor: 'background.paper',
          color: 'primary.main',
          '&:focus': { top: 8 },
        }}
      >
        {t('app.skipLink')}
      </Box>
      <AppBar position="sticky" component="header">
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap', py: 1 }}>
          {!wide && (
            <IconButton
              color="inherit"
              edge="start"
              aria-label={t('app.menu')}
              aria-expanded={menuOpen}
              aria-controls="main-navigation"
              onClick={() => setMenuOpen(true)}
            >
              <MenuIcon />
            </IconButton>
          )}
          <Typography component="p" variant="h6" sx={{ fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Typography component="p" variant="body2" sx={{ display: { xs: 'none', sm: 'block' } }} data-testid="user-name">
            {session.name}
          </Typography>
          <TextField
            select
            size="small"
            label={t('app.language')}
            value={i18n.language}
            onChange={(event) => void i18n.changeLanguage(event.target.value)}
            sx={{
              minWidth: 110,
              '& .MuiInputBase-root': { color: 'common.white' },
              '& .MuiInputLabel-root, & .MuiInputLabel-root.Mui-focused': { color: 'common.white' },
              '& .MuiOutlinedInput-notchedOutline, & .Mui-focused .MuiOutlinedInput-notchedOutline': { borderColor: 'common.white' },
              '& .MuiSvgIcon-root': { color: 'common.white' },
            }}
          >
            {LANGUAGES.map((language) => (
              <MenuItem key={language.code} value={language.code} lang={language.code}>
                {language.name}
              </MenuItem>
            ))}
          </TextField>
          <Button color="inherit" variant="outlined" size={wide ? 'medium' : 'small'} onClick={() => void logout()}>
            {t('app.logout')}
          </Button>
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flex: 1, minWidth: 0 }}>
        {wide ? (
          <Box
            component="nav"
            aria-label={t('app.navigation')}
            id="main-navigation"
            sx={{ width: DRAWER_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
          >
            <NavList entries={entries} />
          </Box>
        ) : (
          <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}>
            <Box component="nav" aria-label={t('app.navigation')} id="main-navigation">
              <NavList entries={entries} onNavigate={() => setMenuOpen(false)} />
            </Box>
          </Drawer>
        )}
        <Box component="main" id="main" tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 }, outline: 'none' }}>
          {children}
        </Box>
      </Box>
    </Box>
  );
}
