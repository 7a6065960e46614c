// What other features may use of this one.
export { CategorySuggestions } from './CategorySuggestions';
export { IntakeModelCard } from './IntakeModelCard';
export { SimilarArticles } from './SimilarArticles';
