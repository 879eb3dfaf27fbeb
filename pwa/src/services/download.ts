/** Downloads in the reporter app: the receipt code image and the proof of submission. */
export { saveFile } from '../../../client/saveFile.ts';
