FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# OCR of scanned pages (tesseract with its English model, from Debian's packages)
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY scrutiny scrutiny
COPY meetings meetings
COPY indicators indicators
RUN pip install --no-cache-dir .
COPY . .
RUN DATABASE_URL=sqlite:////tmp/build.sqlite3 python manage.py collectstatic --noinput
EXPOSE 8000
CMD ["gunicorn", "scrutiny.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
