import type Html from '@kitajs/html';
import type { PageContext } from '../../../web/page.js';
import { paths } from '../../../web/paths.js';
import { DKFDS_PREFIX } from '../../../web/assets.js';
import { Layout } from '../../../web/views/Layout.js';
import { Breadcrumbs } from '../../../web/views/Breadcrumbs.js';
import { STEPS, type Step } from '../signup-steps.js';
import type { FormError } from '../../../web/forms/errors.js';
import { ErrorSummary, signupScript } from '../../../web/forms/ErrorSummary.js';

export interface SignupEventInfo {
  slug: string;
  title: string;
  startsAt: string;
  /** A free event's sign-up has no payer step. */
  free?: boolean;
}

function Icon({ name }: { name: string }): JSX.Element {
  return (
    <svg class="icon-svg" focusable="false" aria-hidden="true">
      <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#${name}`}></use>
    </svg>
  );
}

/** The DKFDS step indicator; the current step has aria-current="step". */
export function StepIndicator({ page, current, steps = STEPS }: { page: PageContext; current: Step; steps?: ReadonlyArray<Step> }): JSX.Element {
  const { t } = page;
  return (
    <nav aria-label={t('signup.steps.label')} class="tilmeld-steps">
      <ol class="step-indicator">
        {steps.map((n, i) => {
          const state = n < current ? 'done' : n === current ? 'current' : 'todo';
          return (
            <li class={state === 'current' ? 'current' : state === 'todo' ? 'disabled' : 'completed'} aria-current={state === 'current' ? 'step' : undefined}>
              <span class="step">
                {state === 'done' ? (
                  <span class="step-icon">
                    <Icon name="check" />
                  </span>
                ) : (
                  <span class="step-number">
                    <span safe>{String(i + 1)}</span>
                  </span>
                )}
                <div>
                  <span class="step-title" safe>
                    {t(`signup.step.${n}`)}
                  </span>
                  <span class="sr-only" safe>
                    {`, ${t(state === 'done' ? 'signup.step.done' : state === 'current' ? 'signup.step.current' : 'signup.step.todo')}`}
                  </span>
                </div>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export interface SignupShellProps {
  page: PageContext;
  event: SignupEventInfo;
  step: Step;
  errors: ReadonlyArray<FormError>;
  /** Focus the step's heading on load (signup.js), so keyboard and screen-reader users start at the new step. */
  focusHeading?: boolean | undefined;
  children: Html.Children;
}

/** The frame of every step: title ("Fejl: " first when there are errors), breadcrumbs, h1, step indicator, error summary. */
export function SignupShell({ page, event, step, errors, focusHeading, children }: SignupShellProps): JSX.Element {
  const { t, locale } = page;
  const steps: ReadonlyArray<Step> = event.free ? STEPS.filter((n) => n !== 1) : STEPS;
  const title = (errors.length > 0 ? t('signup.errorPrefix') : '') + t('signup.pageTitle', { step: t(`signup.step.${step}`), title: event.title });
  return (
    <Layout page={page} title={title} head={signupScript()}>
      <Breadcrumbs
        page={page}
        crumbs={[
          { label: t('nav.home'), href: paths.home(locale) },
          { label: t('nav.events'), href: paths.events(locale) },
          { label: event.title, href: paths.event(locale, event.slug) },
          { label: t('signup.title') },
        ]}
      />
      <h1 safe>{t('signup.heading', { title: event.title })}</h1>
      {step === steps[0] ? (
        <p class="font-lead" safe>
          {t('signup.lede')}
        </p>
      ) : (
        ''
      )}
      <div class="row">
        <div class="col-12 col-lg-3">
          <StepIndicator page={page} current={step} steps={steps} />
        </div>
        <div class="col-12 col-lg-9">
          {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
          <h2 id="step-heading" tabindex="-1" data-focus-on-load={focusHeading && errors.length === 0 ? '' : undefined} safe>
            {`${t('signup.step.of', { n: steps.indexOf(step) + 1, total: steps.length })}: ${t(`signup.step.${step}`)}`}
          </h2>
          {children}
        </div>
      </div>
    </Layout>
  );
}
