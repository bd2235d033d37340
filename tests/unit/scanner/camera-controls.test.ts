import { describe, expect, it } from 'vitest';
import { nextCamera, sampleSize, supportsTorch } from '../../../src/lib/scanner/camera-controls';
import { cameraProblemOf } from '../../../src/lib/scanner/camera-problem';

describe('supportsTorch', () => {
  it('is true only when the track reports a torch', () => {
    expect(supportsTorch({ torch: true })).toBe(true);
    expect(supportsTorch({ torch: [false, true] })).toBe(true);
    expect(supportsTorch({ torch: false })).toBe(false);
    // What Chromium's fake camera reports: no torch key at all.
    expect(supportsTorch({ width: { min: 1, max: 640 }, facingMode: [] })).toBe(false);
    expect(supportsTorch(undefined)).toBe(false);
  });
});

describe('nextCamera', () => {
  const cameras = [
    { id: 'back', label: 'Back camera' },
    { id: 'front', label: 'Front camera' },
    { id: 'wide', label: 'Wide camera' },
  ];
  it('moves to the next camera and wraps round', () => {
    expect(nextCamera(cameras, 'back')?.id).toBe('front');
    expect(nextCamera(cameras, 'wide')?.id).toBe('back');
  });
  it('starts at the first camera when the running one is unknown', () => {
    expect(nextCamera(cameras, null)?.id).toBe('back');
  });
  it('offers no switch with a single camera', () => {
    expect(nextCamera(cameras.slice(0, 1), 'back')).toBeNull();
    expect(nextCamera([], null)).toBeNull();
  });
});

describe('sampleSize', () => {
  it('keeps the video resolution up to the cap', () => {
    expect(sampleSize(640, 480, 1280)).toEqual({ width: 640, height: 480 });
    expect(sampleSize(1920, 1080, 1280)).toEqual({ width: 1280, height: 720 });
  });
  it('has nothing to sample before the video has a size', () => {
    expect(sampleSize(0, 0, 1280)).toBeNull();
  });
});

describe('cameraProblemOf', () => {
  it.each([
    ['Error getting userMedia, error = NotAllowedError: Permission denied', 'denied'],
    ['NotFoundError: Requested device not found', 'no_camera'],
    ['OverconstrainedError', 'no_camera'],
    ['NotReadableError: Could not start video source', 'busy'],
    ['something else', 'unknown'],
  ])('%s → %s', (message, problem) => {
    expect(cameraProblemOf(message)).toBe(problem);
  });
  it('keeps a problem already named by the scanner', () => {
    expect(cameraProblemOf(Object.assign(new Error('x'), { problem: 'insecure' }))).toBe('insecure');
  });
  it('reads DOMException-like errors by name', () => {
    expect(cameraProblemOf(Object.assign(new Error('no'), { name: 'NotAllowedError' }))).toBe('denied');
  });
});
