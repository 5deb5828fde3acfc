/** The CLI reads architectures off weight shapes with the Lab service's helper. */
export { architectureOf, type Architecture } from '../main/lab/architecture';
