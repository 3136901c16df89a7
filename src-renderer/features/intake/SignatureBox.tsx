import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';
import type { Signature } from '../../../src-shared/intake/records';
import { useT } from '../../app/i18n';

const WIDTH = 480;
const HEIGHT = 160;

/**
 * The box the client signs in with a finger, pen or mouse (signature_pad). Every finished
 * stroke reports the signature so far: the strokes as points (x, y in CSS pixels, time) and a
 * PNG of the box. Whether it is a signature at all (not empty, not a dot) is decided by
 * SignatureSchema, so the check is the same here, in the repository and on restore.
 */
export function SignatureBox({
  onChange,
  error,
}: {
  onChange: (signature: Signature | null) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const report = useRef(onChange);
  report.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // Drawn at the screen's pixel density so the PNG is sharp, in CSS pixels for the strokes.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { penColor: '#1d2a3a', backgroundColor: 'rgba(255,255,255,0)' });
    padRef.current = pad;
    const onEnd = () => {
      const strokes = pad.toData().map((group) => ({
        points: group.points.map((p) => ({ x: round(p.x), y: round(p.y), t: p.time })),
      }));
      const png = pad.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
      report.current({ strokes, png, width: WIDTH, height: HEIGHT });
    };
    pad.addEventListener('endStroke', onEnd);
    return () => {
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
    };
  }, []);

  return (
    <div className="signature-field">
      <canvas
        ref={canvasRef}
        className={error ? 'signature-box invalid' : 'signature-box'}
        style={{ width: WIDTH, height: HEIGHT }}
        aria-label={t('intake.consent.padLabel')}
        aria-invalid={error ? true : undefined}
        data-testid="signature-box"
      />
      <div className="button-row">
        <button
          type="button"
          onClick={() => {
            padRef.current?.clear();
            report.current(null);
          }}
        >
          {t('intake.consent.clear')}
        </button>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
