export { Resolver } from './resolver';
export { slug, shortHash } from './ids';
export { normName, surnameOf } from './names';
