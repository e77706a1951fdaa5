// "Drop an image": posts the image's bytes to /api/palette and shows the palette the server fitted.
(function () {
  'use strict';
  var zone = document.getElementById('drop-zone');
  var input = document.getElementById('file');
  var status = document.getElementById('drop-status');
  var result = document.getElementById('drop-result');

  function show(palette) {
    result.textContent = '';
    palette.colors.forEach(function (color) {
      var figure = document.createElement('figure');
      figure.className = 'swatch';
      var chip = document.createElement('div');
      chip.className = 'chip';
      chip.style.background = color.hex;
      var caption = document.createElement('figcaption');
      var code = document.createElement('code');
      code.textContent = color.hex;
      caption.appendChild(code);
      caption.appendChild(document.createElement('br'));
      caption.appendChild(document.createTextNode((100 * color.share).toFixed(1) + '%' + (color.role ? ' · ' + color.role : '')));
      figure.appendChild(chip);
      figure.appendChild(caption);
      result.appendChild(figure);
    });
    status.textContent = palette.colors.length + ' colors: ' + palette.colors.map(function (c) { return c.hex; }).join(' ');
    status.dataset.done = 'true';
  }

  function upload(file) {
    status.textContent = 'Fitting ' + file.name + '…';
    status.dataset.done = 'false';
    fetch('/api/palette', { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } })
      .then(function (response) {
        if (!response.ok) {
          return response.text().then(function (text) { throw new Error(text); });
        }
        return response.json();
      })
      .then(show)
      .catch(function (error) {
        status.textContent = error.message;
        status.dataset.done = 'error';
      });
  }

  input.addEventListener('change', function () {
    if (input.files.length > 0) {
      upload(input.files[0]);
    }
  });
  ['dragenter', 'dragover'].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add('over');
    });
  });
  zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    zone.classList.remove('over');
    if (event.dataTransfer.files.length > 0) {
      upload(event.dataTransfer.files[0]);
    }
  });
}());
