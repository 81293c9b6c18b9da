import { mount } from 'svelte';
import { mark } from './lib/startup-marks';
import './app.css';
import Root from './Root.svelte';

// The content security policy allows no inline style or script. Anything it refuses is
// counted here for the end-to-end tests (a refusal would leave part of a screen unstyled).
let refused = 0;
document.addEventListener('securitypolicyviolation', () => {
  refused += 1;
  document.documentElement.dataset.cspRefused = String(refused);
});

mark('script-start');

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

export default mount(Root, { target });
