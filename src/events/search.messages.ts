/** Texts of the search: spelling help, the front page's search box and the folding filters. English must have every Danish key. */
const da = {
  'search.showingFor': 'Viser resultater for »{corrected}«',
  'search.noneFor': 'Der var ingen resultater for »{typed}«.',
  'search.didYouMean': 'Mente du',
  'search.frontTitle': 'Find et arrangement',
  'search.frontLabel': 'Søg efter kurser, konferencer og netværk',
  'search.frontSubmit': 'Søg',
  'search.filtersToggle': 'Søg og afgræns',
  'search.activeFilters.one': '1 filter valgt',
  'search.activeFilters.many': '{count} filtre valgt',
} as const;

const en: Record<keyof typeof da, string> = {
  'search.showingFor': 'Showing results for “{corrected}”',
  'search.noneFor': 'There were no results for “{typed}”.',
  'search.didYouMean': 'Did you mean',
  'search.frontTitle': 'Find an event',
  'search.frontLabel': 'Search for courses, conferences and networks',
  'search.frontSubmit': 'Search',
  'search.filtersToggle': 'Search and filter',
  'search.activeFilters.one': '1 filter selected',
  'search.activeFilters.many': '{count} filters selected',
};

export const searchMessages = { da, en };
