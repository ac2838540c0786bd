import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ProblemError } from '@pegase/web-kit';
import { App } from './App.tsx';

const theme = createTheme({
  // A primary dark enough for AA contrast with white text and on white.
  palette: { primary: { main: '#0b4f9c' }, secondary: { main: '#7b1fa2' } },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: false } },
    MuiCssBaseline: {
      styleOverrides: { ':focus-visible': { outline: '3px solid #f5a623', outlineOffset: 2 } },
    },
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A problem of the client's own making is not retried; a 5xx or a network error once.
      retry: (count, error) => !(error instanceof ProblemError && error.problem.status < 500) && count < 1,
      staleTime: 30_000,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </ThemeProvider>
  </StrictMode>,
);
