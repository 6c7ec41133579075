import type Html from '@kitajs/html';
import { DKFDS_PREFIX } from '../assets.js';
import type { Locale, Translate } from '../i18n.js';
import { LOCALES } from '../i18n.js';
import { CsrfField } from './CsrfField.js';

export interface MenuItem {
  href: string;
  label: string;
  current?: boolean | undefined;
}

/**
 * How a language is chosen: public pages link to the page in the other
 * language; the back office saves the staff member's language (a POST), then
 * returns to `next`.
 */
export type LanguageChoice =
  { kind: 'links'; current: Locale; hrefs: Record<Locale, string> } | { kind: 'setting'; current: Locale; action: string; csrfToken: string; next: string };

export interface SiteHeaderProps {
  t: Translate;
  brand: { name: string; href: string; logo?: { src: string; alt: string } | undefined };
  /** Beside the brand on wide screens (tagline, the staff member and logout). */
  additionalInfo?: Html.Children;
  /** The same facts in the mobile drawer, below the menu. */
  drawerInfo?: Html.Children;
  navLabel: string;
  items: MenuItem[];
  language: LanguageChoice;
}

const icon = (name: string): JSX.Element => (
  <svg class="icon-svg" focusable="false" aria-hidden="true">
    <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#${name}`}></use>
  </svg>
);

/** The current language first: DKFDS marks the first entry as the chosen one. */
const languagesInOrder = (current: Locale): Locale[] => [current, ...LOCALES.filter((l) => l !== current)];

function LanguageOption({ t, choice, locale }: { t: Translate; choice: LanguageChoice; locale: Locale }): JSX.Element {
  const label = t(`header.language.${locale}`);
  const current = locale === choice.current;
  if (choice.kind === 'links') {
    return (
      <a href={choice.hrefs[locale]} hreflang={locale} lang={locale} aria-current={current ? 'true' : undefined} safe>
        {label}
      </a>
    );
  }
  if (current) {
    return (
      <a href={choice.next} lang={locale} aria-current="true" safe>
        {label}
      </a>
    );
  }
  // The button sits in the list item itself and names its form: DKFDS closes the
  // language list when focus moves to anything whose parent is not a list item.
  return (
    <button type="submit" form={`language-form-${locale}`} class="function-link" lang={locale} safe>
      {label}
    </button>
  );
}

/** The back office's language forms, outside the lists their buttons sit in. */
function LanguageForms({ choice }: { choice: LanguageChoice }): JSX.Element {
  if (choice.kind !== 'setting') return '';
  return (
    <>
      {LOCALES.filter((l) => l !== choice.current).map((locale) => (
        <form method="post" action={choice.action} id={`language-form-${locale}`} class="tilmeld-language-form">
          <CsrfField token={choice.csrfToken} />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="next" value={choice.next} />
        </form>
      ))}
    </>
  );
}

function LanguageList({ t, choice, listClass }: { t: Translate; choice: LanguageChoice; listClass?: string }): JSX.Element {
  return (
    <ul class={listClass}>
      {languagesInOrder(choice.current).map((locale) => (
        <li>
          <LanguageOption t={t} choice={choice} locale={locale} />
        </li>
      ))}
    </ul>
  );
}

function MenuList({ items }: { items: MenuItem[] }): JSX.Element {
  return (
    <ul class="mainmenu">
      {items.map((item) => (
        <li class={item.current ? 'current' : undefined}>
          <a href={item.href} class="nav-link" aria-current={item.current ? 'page' : undefined}>
            <span safe>{item.label}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The DKFDS header: on wide screens the solution name, the language choice and
 * the menu bar; on narrow ones a "Menu" button that opens the DKFDS mobile
 * drawer (its script traps focus there and closes it on Escape). The button is
 * `hidden` until tilmeld.js has the design system's script running, so without
 * JavaScript nothing inert is shown and the footer's shortcuts carry the links.
 */
export function SiteHeader({ t, brand, additionalInfo, drawerInfo, navLabel, items, language }: SiteHeaderProps): JSX.Element {
  const languageName = t(`header.language.${language.current}`);
  return (
    <header class="header">
      <div class="language-switcher-header">
        <div class="container">
          <div class="overflow-menu">
            <button
              type="button"
              class="button button-overflow-menu select-language-button js-dropdown"
              data-js-target="header-language-list"
              aria-expanded="false"
              aria-controls="header-language-list"
            >
              {icon('language')}
              <span class="sr-only" safe>{`${t('header.language')}: `}</span>
              <span safe>{languageName}</span>
            </button>
            <div class="overflow-menu-inner select-language-list collapsed" id="header-language-list">
              <LanguageList t={t} choice={language} listClass="overflow-list" />
            </div>
          </div>
        </div>
      </div>
      <div class="solution-info">
        <div class="solution-info-inner container">
          <div class="solution-heading">
            <a href={brand.href} class="tilmeld-brand">
              {brand.logo ? <img src={brand.logo.src} alt={brand.logo.alt} class="tilmeld-logo" height="40" /> : ''}
              <span safe>{brand.name}</span>
            </a>
          </div>
          <button
            type="button"
            class="button button-secondary button-menu-open js-menu-open ml-auto"
            aria-haspopup="dialog"
            aria-controls="mobile-drawer"
            hidden
          >
            {icon('menu')}
            <span safe>{t('header.menu')}</span>
          </button>
          <div class="additional-info">{additionalInfo ?? ''}</div>
        </div>
      </div>
      <nav class="navigation-menu" aria-label={navLabel}>
        <div class="navigation-menu-inner container">
          <MenuList items={items} />
        </div>
      </nav>
      <div class="overlay"></div>
      <div class="mobile-drawer" id="mobile-drawer" role="dialog" aria-modal="true" aria-labelledby="mobile-drawer-heading">
        <div class="menu-top">
          <h2 id="mobile-drawer-heading" class="menu-heading" safe>
            {t('header.menu')}
          </h2>
          <button type="button" class="function-link button-menu-close js-menu-close" aria-label={t('header.closeMenu')}>
            {icon('close')}
            <span safe>{t('header.close')}</span>
          </button>
        </div>
        <nav class="navigation-menu-mobile" aria-label={navLabel}>
          <MenuList items={items} />
        </nav>
        {drawerInfo ?? ''}
        <div class="language-switcher-mobile">
          <h3 safe>{t('header.languageChoice')}</h3>
          <LanguageList t={t} choice={language} />
        </div>
      </div>
      <LanguageForms choice={language} />
    </header>
  );
}

/** The menu again at the foot of the page: reachable without JavaScript at any width. */
export function FooterShortcuts({
  t,
  items,
  language,
}: {
  t: Translate;
  items: MenuItem[];
  language?: { href: string; locale: Locale; label: string };
}): JSX.Element {
  return (
    <nav class="tilmeld-shortcuts" aria-label={t('header.shortcuts')}>
      <ul class="footer-links unstyled-list">
        {items.map((item) => (
          <li>
            <a href={item.href} class="function-link" safe>
              {item.label}
            </a>
          </li>
        ))}
        {language ? (
          <li>
            <a href={language.href} hreflang={language.locale} lang={language.locale} class="function-link" safe>
              {language.label}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}
