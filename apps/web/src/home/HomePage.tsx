import { Suspense } from 'react';
import { Alert, Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate, isProvided, isStaff, mayUse, PageHeading, useSession, type PortalService, type Session, type WebHomeCard } from '@pegase/web-kit';
import { webModules } from '../modules.ts';
import { lazyOnce, Loading } from '../routing/ModulePage.tsx';

function cardsFor(session: Session, kind: WebHomeCard['kind']): WebHomeCard[] {
  return webModules.flatMap((module) => module.home ?? []).filter((card) => card.kind === kind && mayUse(session, card.roles));
}

function HomeCards({ cards, wide = false }: { cards: WebHomeCard[]; wide?: boolean }) {
  return (
    <Grid container spacing={2} sx={{ mb: 3 }}>
      {cards.map((card) => {
        const Card = lazyOnce(card.load);
        return (
          <Grid key={card.id} size={wide ? 12 : { xs: 12, md: 6, lg: 4 }}>
            <Suspense fallback={<Loading />}>
              <Card />
            </Suspense>
          </Grid>
        );
      })}
    </Grid>
  );
}

/** A service the portal will offer, shown so that students and teachers know where it will be. */
function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h2" variant="h6">
          {title}
        </Typography>
        <Typography sx={{ fontWeight: 600 }}>{t('home.comingSoon')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('home.comingSoonDetail')}
        </Typography>
      </CardContent>
    </Card>
  );
}

function StaffHome({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queues = cardsFor(session, 'queue');
  return (
    <>
      <Typography component="h2" variant="h5" sx={{ mb: 1 }}>
        {t('home.workQueues')}
      </Typography>
      {queues.length > 0 ? (
        <HomeCards cards={queues} />
      ) : (
        <Alert severity="info" sx={{ mb: 3 }}>
          {t('home.noWorkQueue')}
        </Alert>
      )}
      <Typography component="h2" variant="h5" sx={{ mb: 1 }}>
        {t('home.figures')}
      </Typography>
      <HomeCards cards={cardsFor(session, 'figure')} wide />
    </>
  );
}

const STUDENT_SERVICES: PortalService[] = ['myEnrolment', 'myChoices', 'myResults', 'myDocuments'];
const TEACHER_SERVICES: PortalService[] = ['myTeaching', 'myMarks'];

/** The services no module's card provides yet. */
function ComingSoonCards({ services, cards }: { services: PortalService[]; cards: WebHomeCard[] }) {
  const { t } = useTranslation();
  return services
    .filter((service) => !isProvided(cards, service))
    .map((service) => (
      <Grid key={service} size={{ xs: 12, sm: 6 }}>
        <ComingSoon title={t(`home.${service}`)} />
      </Grid>
    ));
}

function StudentHome({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const services = cardsFor(session, 'service');
  return (
    <>
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography component="h2" variant="h5">
            {t('home.welcome', { name: session.name })}
          </Typography>
          <Typography data-testid="learner-code">
            {session.learnerCode ? t('home.learnerCode', { code: session.learnerCode }) : t('home.noLearnerCode')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('home.today', { date: formatDate(new Date().toISOString(), i18n.language) })}
          </Typography>
        </CardContent>
      </Card>
      {services.length > 0 && <HomeCards cards={services} />}
      <Grid container spacing={2}>
        <ComingSoonCards services={STUDENT_SERVICES} cards={services} />
      </Grid>
    </>
  );
}

function TeacherHome({ session }: { session: Session }) {
  const { t } = useTranslation();
  const services = cardsFor(session, 'service');
  return (
    <>
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography component="h2" variant="h5">
            {t('home.welcome', { name: session.name })}
          </Typography>
          <Typography>{t('home.teacherIntro')}</Typography>
          <ul data-testid="teacher-structures">
            {session.structures.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <HomeCards cards={cardsFor(session, 'queue')} />
      {services.length > 0 && <HomeCards cards={services} wide />}
      <Grid container spacing={2}>
        <ComingSoonCards services={TEACHER_SERVICES} cards={services} />
      </Grid>
    </>
  );
}

/** The home of each role: work queues and figures for staff, services for students and teachers. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const home = isStaff(session) ? (
    <StaffHome session={session} />
  ) : session.roles.includes('student') ? (
    <StudentHome session={session} />
  ) : session.roles.includes('teacher') ? (
    <TeacherHome session={session} />
  ) : (
    <Alert severity="info">{t('home.noRole')}</Alert>
  );
  return (
    <Box>
      <PageHeading>{t('home.title')}</PageHeading>
      {home}
    </Box>
  );
}
