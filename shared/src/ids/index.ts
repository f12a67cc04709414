export { randomBytes, randomId } from './random';
export { isUuidv7, uuidv7, uuidv7Time } from './uuidv7';
