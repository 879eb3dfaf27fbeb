/**
 * Stands in for `libsodium-wrappers-sumo` in the reporter app's build (vite.config.ts
 * alias): the reporter never needs Argon2id, and without this stub the bundler would ship
 * and precache a second, larger libsodium (~190 KB gzipped) that is never used.
 */
throw new Error('the reporter app does not include libsodium-wrappers-sumo');

export {};
